package dev.jcompose.builder.dockerfile;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How each keyword splits its arguments (BuildKit {@code parser/line_parsers.go}): JSON arrays for
 * the exec form, quote-aware words for ENV/LABEL/ARG (quotes kept, removed later by {@link
 * ShellLex}), plain whitespace splitting for FROM/EXPOSE and the shell form of COPY/ADD/VOLUME, the
 * whole rest for the rest.
 */
final class LineParsers {
  static final Pattern WHITESPACE = Pattern.compile("[\t\u000b\f\r ]+");

  private LineParsers() {}

  /** Arguments plus whether they were a JSON array. */
  record Args(List<String> values, boolean json) {
    static Args of(List<String> values) {
      return new Args(List.copyOf(values), false);
    }
  }

  static final class ArgsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ArgsException(String message) {
      super(message);
    }
  }

  static Args parse(String keyword, String rest, char escape) {
    return switch (keyword) {
      case "add", "copy", "volume" -> maybeJsonToList(rest);
      case "arg" -> Args.of(words(rest, escape));
      case "cmd", "entrypoint", "run", "shell" -> maybeJson(rest);
      case "env", "label" ->
          Args.of(nameVal(rest, keyword.toUpperCase(java.util.Locale.ROOT), escape));
      case "expose", "from" -> Args.of(whitespaceDelimited(rest));
      case "healthcheck" -> healthConfig(rest);
      case "maintainer", "stopsignal", "user", "workdir" ->
          Args.of(rest.isEmpty() ? List.of() : List.of(rest));
      default -> Args.of(List.of());
    };
  }

  /** Quote-aware words; quotes and escapes stay in the word for the lexer to process later. */
  static List<String> words(String rest, char escape) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    int[] cps = rest.codePoints().toArray();
    boolean inWord = false;
    boolean blankOk = false;
    int quote = 0;
    for (int i = 0; i < cps.length; i++) {
      int ch = cps[i];
      if (quote != 0) {
        if (ch == quote) {
          quote = 0;
        } else if (ch == escape && quote != '\'') {
          if (i + 1 == cps.length) {
            quote = 0;
            continue;
          }
          word.appendCodePoint(ch);
          ch = cps[++i];
        }
        word.appendCodePoint(ch);
        continue;
      }
      if (ShellLex.isSpace(ch)) {
        if (inWord && (blankOk || word.length() > 0)) {
          words.add(word.toString());
        }
        word.setLength(0);
        inWord = false;
        blankOk = false;
        continue;
      }
      inWord = true;
      if (ch == '\'' || ch == '"') {
        quote = ch;
        blankOk = true;
      } else if (ch == escape) {
        if (i + 1 == cps.length) {
          continue;
        }
        word.appendCodePoint(ch);
        ch = cps[++i];
      }
      word.appendCodePoint(ch);
    }
    if (inWord && (blankOk || word.length() > 0)) {
      words.add(word.toString());
    }
    return words;
  }

  // ENV/LABEL: "KEY value with spaces" (old form, decided by the first word lacking '=') or
  // "k=v k2=v2". Returned as triples key, value, separator.
  private static List<String> nameVal(String rest, String keyword, char escape) {
    List<String> words = words(rest, escape);
    if (words.isEmpty()) {
      return List.of();
    }
    if (!words.get(0).contains("=")) {
      String[] parts = WHITESPACE.split(rest, 2);
      if (parts.length < 2) {
        throw new ArgsException(keyword + " must have two arguments");
      }
      return List.of(parts[0], parts[1], "");
    }
    List<String> out = new ArrayList<>();
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq < 0) {
        throw new ArgsException(
            "Syntax error - can't find = in \"" + w + "\". Must be of the form: name=value");
      }
      out.add(w.substring(0, eq));
      out.add(w.substring(eq + 1));
      out.add("=");
    }
    return out;
  }

  static List<String> whitespaceDelimited(String rest) {
    if (rest.isEmpty()) {
      return List.of();
    }
    return List.of(WHITESPACE.split(rest, -1));
  }

  private static Args maybeJson(String rest) {
    if (rest.isEmpty()) {
      return Args.of(List.of());
    }
    List<String> json = json(rest);
    return json != null ? new Args(json, true) : Args.of(List.of(rest));
  }

  private static Args maybeJsonToList(String rest) {
    List<String> json = json(rest);
    return json != null ? new Args(json, true) : Args.of(whitespaceDelimited(rest));
  }

  /** The strings of a JSON array, or null when {@code rest} is not one (then it is shell form). */
  static List<String> json(String rest) {
    String trimmed = rest.stripLeading();
    if (!trimmed.startsWith("[")) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.parse(trimmed); // strict: trailing text or comments make it shell form
    } catch (JsonException e) {
      return null;
    }
    if (!node.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (JsonNode n : node) {
      if (!n.isTextual()) {
        throw new ArgsException(
            "when using JSON array syntax, arrays must be comprised of strings only");
      }
      out.add(n.asText());
    }
    return out;
  }

  // HEALTHCHECK TYPE [cmd...]: the first word, then the rest as CMD/ENTRYPOINT would take it.
  private static Args healthConfig(String rest) {
    int sep = 0;
    while (sep < rest.length() && !Character.isWhitespace(rest.charAt(sep))) {
      sep++;
    }
    if (sep == 0) {
      return Args.of(List.of());
    }
    int next = sep;
    while (next < rest.length() && Character.isWhitespace(rest.charAt(next))) {
      next++;
    }
    Args cmd = maybeJson(rest.substring(next));
    List<String> all = new ArrayList<>();
    all.add(rest.substring(0, sep));
    all.addAll(cmd.values());
    return new Args(all, cmd.json());
  }
}
