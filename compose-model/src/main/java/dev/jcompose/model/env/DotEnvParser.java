package dev.jcompose.model.env;

import dev.jcompose.model.interpolate.Template;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One pass over a {@code .env} text with compose's grammar (compose-go dotenv/parser.go). Not
 * reusable: it tracks the current line for error messages.
 */
final class DotEnvParser {
  private final Map<String, String> out;
  private final Function<String, Optional<String>> lookup;
  private int line = 1;

  DotEnvParser(Map<String, String> out, Function<String, Optional<String>> lookup) {
    this.out = out;
    this.lookup = lookup;
  }

  void parse(String src) {
    String rest = src.startsWith("\uFEFF") ? src.substring(1) : src;
    while (true) {
      rest = statementStart(rest);
      if (rest.isEmpty()) {
        return;
      }
      rest = statement(rest);
    }
  }

  private String statement(String src) {
    Key key = key(src);
    if (key.name.contains(" ")) {
      throw error("key cannot contain a space");
    }
    if (key.inherited) {
      lookup.apply(key.name).ifPresent(v -> out.put(key.name, v));
      return key.rest;
    }
    return value(key.name, key.rest);
  }

  /** Skips blank space and comment lines; "" at end of input. */
  private String statementStart(String src) {
    while (true) {
      int pos = 0;
      while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
        if (src.charAt(pos) == '\n') {
          line++;
        }
        pos++;
      }
      if (pos == src.length()) {
        return "";
      }
      src = src.substring(pos);
      if (src.charAt(0) != '#') {
        return src;
      }
      int nl = src.indexOf('\n');
      if (nl < 0) {
        return "";
      }
      src = src.substring(nl);
    }
  }

  private record Key(String name, String rest, boolean inherited) {}

  private Key key(String src) {
    if (src.matches("(?s)^export[ \\t\\x0B\\f\\r\\u0085\\u00A0].*")) {
      src = trimLeftSpace(src.substring("export".length()));
    }
    for (int i = 0; i < src.length(); ) {
      int cp = src.codePointAt(i);
      if (isSpace(cp)
          || cp == '_'
          || cp == '.'
          || cp == '-'
          || cp == '['
          || cp == ']'
          || Character.isLetter(cp)
          || Character.isDigit(cp)) {
        i += Character.charCount(cp);
        continue;
      }
      if (cp == '=' || cp == ':' || cp == '\n') {
        String name = src.substring(0, i).stripTrailing();
        boolean inherited = cp == '\n';
        if (inherited && !name.contains(" ")) {
          line++;
        }
        return new Key(name, trimLeftSpace(src.substring(i + 1)), inherited);
      }
      throw error(
          "unexpected character \""
              + Character.toString(cp)
              + "\" in variable name \""
              + src.split("\n", -1)[0]
              + "\"");
    }
    // compose-go quirk: a last line without '=' nor newline reads as an empty key; a bare KEY at
    // end of file is an inherited key for every practical purpose, so treat it as one.
    return new Key(src.stripTrailing(), "", true);
  }

  private String value(String key, String src) {
    if (src.isEmpty() || (src.charAt(0) != '"' && src.charAt(0) != '\'')) {
      int nl = src.indexOf('\n');
      String value = nl < 0 ? src : src.substring(0, nl);
      String rest = nl < 0 ? "" : src.substring(nl + 1);
      line++;
      int comment = value.indexOf(" #");
      value = (comment < 0 ? value : value.substring(0, comment)).stripTrailing();
      out.put(key, expand(value));
      return rest;
    }
    return quoted(key, src);
  }

  private String quoted(String key, String src) {
    char quote = src.charAt(0);
    StringBuilder chars = new StringBuilder();
    boolean escape = false;
    for (int i = 1; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == quote && !escape) {
        String value = chars.toString();
        out.put(key, quote == '"' ? expand(Escapes.expand(value)) : value);
        return src.substring(i + 1);
      }
      if (c == quote) {
        escape = false;
        chars.append(c);
      } else if (!escape && c == '\\') {
        escape = true;
      } else {
        if (escape) {
          chars.append('\\');
          escape = false;
        }
        chars.append(c);
      }
    }
    int nl = src.indexOf('\n');
    throw error("unterminated quoted value " + (nl < 0 ? src : src.substring(0, nl)));
  }

  private String expand(String value) {
    Function<String, Optional<String>> both =
        k -> lookup.apply(k).or(() -> Optional.ofNullable(out.get(k)));
    return new Template(both, w -> {}).substitute(value);
  }

  private DotEnvException error(String message) {
    return new DotEnvException("line " + line + ": " + message);
  }

  private static String trimLeftSpace(String s) {
    int i = 0;
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return s.substring(i);
  }

  /** Space but not a line break (compose-go isSpace). */
  private static boolean isSpace(int c) {
    return c == '\t' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85 || c == 0xA0;
  }
}
