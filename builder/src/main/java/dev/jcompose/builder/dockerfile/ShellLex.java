package dev.jcompose.builder.dockerfile;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Dockerfile word processing as BuildKit's {@code frontend/dockerfile/shell} does it (a subset of
 * POSIX sh): single and double quotes, the escape character, {@code $VAR}, {@code ${VAR}} and the
 * modifiers {@code :- - :+ + :? ? # ## % %% / //}. No command substitution, no globbing. Options
 * mirror upstream's: keep quotes / escapes in the result, leave unset variables as written.
 * Immutable; {@link #process} is thread-safe.
 */
public final class ShellLex {
  private final char escape;
  private final boolean rawQuotes;
  private final boolean rawEscapes;
  private final boolean skipUnsetEnv;
  private final boolean skipProcessQuotes;

  public ShellLex(char escape) {
    this(escape, false, false, false, false);
  }

  private ShellLex(
      char escape,
      boolean rawQuotes,
      boolean rawEscapes,
      boolean skipUnsetEnv,
      boolean skipProcessQuotes) {
    this.escape = escape;
    this.rawQuotes = rawQuotes;
    this.rawEscapes = rawEscapes;
    this.skipUnsetEnv = skipUnsetEnv;
    this.skipProcessQuotes = skipProcessQuotes;
  }

  /** Keeps quote characters in the result (used to find quoted heredoc words). */
  public ShellLex rawQuotes() {
    return new ShellLex(escape, true, rawEscapes, skipUnsetEnv, skipProcessQuotes);
  }

  public ShellLex rawEscapes() {
    return new ShellLex(escape, rawQuotes, true, skipUnsetEnv, skipProcessQuotes);
  }

  /** Unset variables stay as written ({@code $X}, {@code ${X:-y}}) instead of expanding to "". */
  public ShellLex skipUnsetEnv() {
    return new ShellLex(escape, rawQuotes, rawEscapes, true, skipProcessQuotes);
  }

  /** Quotes are ordinary characters (heredoc bodies). */
  public ShellLex skipProcessQuotes() {
    return new ShellLex(escape, rawQuotes, rawEscapes, skipUnsetEnv, true);
  }

  /**
   * The processed word, the same split into words (after expansion, quote-aware), and the variables
   * that were found in / missing from {@code env}.
   */
  public record Result(
      String value, java.util.List<String> words, Set<String> matched, Set<String> unmatched) {}

  public Result process(String word, Map<String, String> env) {
    Scan scan = new Scan(word, env);
    try {
      WordResult r = scan.processStopOn(-1, rawEscapes);
      return new Result(r.text, r.words, scan.matched, scan.unmatched);
    } catch (LexException e) {
      throw new LexException("failed to process \"" + word + "\": " + e.getMessage());
    }
  }

  /** A malformed word; callers add the Dockerfile location. */
  public static final class LexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LexException(String message) {
      super(message);
    }
  }

  private record WordResult(String text, java.util.List<String> words) {}

  /** One pass over one word; mutable state, never shared. */
  private final class Scan {
    private final int[] chars;
    private final Map<String, String> env;
    private final Set<String> matched = new HashSet<>();
    private final Set<String> unmatched = new HashSet<>();
    private int pos;
    private boolean escapesRaw = rawEscapes;

    Scan(String word, Map<String, String> env) {
      this.chars = word.codePoints().toArray();
      this.env = env;
    }

    int peek() {
      return pos < chars.length ? chars[pos] : -1;
    }

    int next() {
      return pos < chars.length ? chars[pos++] : -1;
    }

    WordResult processStopOn(int stop, boolean raw) {
      boolean saved = escapesRaw;
      escapesRaw = raw;
      try {
        return stopOn(stop);
      } finally {
        escapesRaw = saved;
      }
    }

    private WordResult stopOn(int stop) {
      StringBuilder result = new StringBuilder();
      Words words = new Words();
      while (peek() != -1) {
        int ch = peek();
        if (stop != -1 && ch == stop) {
          next();
          return new WordResult(result.toString(), words.finish());
        }
        if (ch == '$') {
          String v = dollar();
          result.append(v);
          words.addString(v);
        } else if (!skipProcessQuotes && (ch == '\'' || ch == '"')) {
          String v = ch == '\'' ? singleQuote() : doubleQuote();
          result.append(v);
          words.addRaw(v);
        } else {
          ch = next();
          if (ch == escape) {
            if (escapesRaw) {
              words.addRawChar(ch);
              result.appendCodePoint(ch);
            }
            ch = next();
            if (ch == -1) {
              break;
            }
            words.addRawChar(ch);
          } else {
            words.addChar(ch);
          }
          result.appendCodePoint(ch);
        }
      }
      if (stop != -1) {
        throw new LexException(
            "unexpected end of statement while looking for matching " + Character.toString(stop));
      }
      return new WordResult(result.toString(), words.finish());
    }

    private String singleQuote() {
      StringBuilder out = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        out.appendCodePoint(ch);
      }
      while (true) {
        ch = next();
        if (ch == -1) {
          throw new LexException(
              "unexpected end of statement while looking for matching single-quote");
        }
        if (ch == '\'') {
          if (rawQuotes) {
            out.appendCodePoint(ch);
          }
          return out.toString();
        }
        out.appendCodePoint(ch);
      }
    }

    // sh(1): inside double quotes the escape character only quotes $, " and itself.
    private String doubleQuote() {
      StringBuilder out = new StringBuilder();
      int ch = next();
      if (rawQuotes) {
        out.appendCodePoint(ch);
      }
      while (true) {
        int p = peek();
        if (p == -1) {
          throw new LexException(
              "unexpected end of statement while looking for matching double-quote");
        }
        if (p == '"') {
          next();
          if (rawQuotes) {
            out.append('"');
          }
          return out.toString();
        }
        if (p == '$') {
          out.append(dollar());
          continue;
        }
        ch = next();
        if (ch == escape) {
          if (escapesRaw) {
            out.appendCodePoint(ch);
          }
          int after = peek();
          if (after == -1) {
            continue;
          }
          if (after == '"' || after == '$' || after == escape) {
            ch = next();
          }
        }
        out.appendCodePoint(ch);
      }
    }

    private String dollar() {
      next();
      if (peek() != '{') {
        String name = name();
        if (name.isEmpty()) {
          return "$";
        }
        String value = env(name);
        return value == null && skipUnsetEnv ? "$" + name : nullToEmpty(value);
      }
      next();
      int p = peek();
      if (p == -1) {
        throw new LexException("syntax error: missing '}'");
      }
      if (p == '{' || p == '}' || p == ':') {
        throw new LexException("syntax error: bad substitution");
      }
      String name = name();
      int ch = next();
      if (ch == -1) {
        throw new LexException("syntax error: missing '}'");
      }
      if (ch == '}') {
        String value = env(name);
        return value == null && skipUnsetEnv ? "${" + name + "}" : nullToEmpty(value);
      }
      if (ch == '/') {
        return replace(name);
      }
      String modifier = ch == -1 ? "" : Character.toString(ch);
      boolean nullIsUnset = false;
      if (ch == ':') {
        nullIsUnset = true;
        ch = next();
        modifier += ch == -1 ? "" : Character.toString(ch);
      }
      if (ch != '+' && ch != '-' && ch != '?' && ch != '#' && ch != '%') {
        throw new LexException("unsupported modifier (" + modifier + ") in substitution");
      }
      String word = modifierWord(ch == '#' || ch == '%');
      String value = env(name);
      if (skipUnsetEnv && value == null) {
        return "${" + name + modifier + word + "}";
      }
      return applyModifier(name, (char) ch, nullIsUnset, value, word, modifier);
    }

    private String modifierWord(boolean raw) {
      try {
        return processStopOn('}', raw).text();
      } catch (LexException e) {
        throw peek() == -1 ? new LexException("syntax error: missing '}'") : e;
      }
    }

    private String applyModifier(
        String name, char op, boolean nullIsUnset, String value, String word, String modifier) {
      boolean unset = value == null || (nullIsUnset && value.isEmpty());
      return switch (op) {
        case '-' -> unset ? word : value;
        case '+' -> unset ? "" : word;
        case '?' -> required(name, nullIsUnset, value, word);
        case '#', '%' -> {
          boolean greedy = !word.isEmpty() && word.charAt(0) == op;
          String pattern = greedy ? word.substring(1) : word;
          yield op == '#'
              ? ShellPatterns.trimPrefix(pattern, nullToEmpty(value), greedy)
              : ShellPatterns.trimSuffix(pattern, nullToEmpty(value), greedy);
        }
        default ->
            throw new LexException("unsupported modifier (" + modifier + ") in substitution");
      };
    }

    // ${name?word} and ${name:?word}: the value, or the word as the error
    private static String required(String name, boolean nullIsUnset, String value, String word) {
      if (value == null) {
        throw new LexException(
            name + ": " + (word.isEmpty() ? "is not allowed to be unset" : word));
      }
      if (nullIsUnset && value.isEmpty()) {
        throw new LexException(
            name + ": " + (word.isEmpty() ? "is not allowed to be empty" : word));
      }
      return value;
    }

    private String replace(String name) {
      boolean all = peek() == '/';
      if (all) {
        next();
      }
      String pattern = stopOrMissing('/', "syntax error: missing '/' in ${}");
      String replacement = stopOrMissing('}', "syntax error: missing '}'");
      String value = env(name);
      if (skipUnsetEnv && value == null) {
        return "${" + name + "/" + pattern + "/" + replacement + "}";
      }
      return ShellPatterns.replace(pattern, replacement, nullToEmpty(value), all);
    }

    private String stopOrMissing(int stop, String missing) {
      try {
        return processStopOn(stop, true).text();
      } catch (LexException e) {
        throw peek() == -1 ? new LexException(missing) : e;
      }
    }

    // A name: letters, digits and '_'; or all leading digits; or one special parameter.
    private String name() {
      StringBuilder name = new StringBuilder();
      while (peek() != -1) {
        int ch = peek();
        if (name.length() == 0 && Character.isDigit(ch)) {
          while (peek() != -1 && Character.isDigit(peek())) {
            name.appendCodePoint(next());
          }
          return name.toString();
        }
        if (name.length() == 0 && "@*#?-$!0".indexOf(ch) >= 0) {
          return Character.toString(next());
        }
        if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
          break;
        }
        name.appendCodePoint(next());
      }
      return name.toString();
    }

    private String env(String name) {
      String value = env.get(name);
      if (value != null) {
        matched.add(name);
      } else {
        unmatched.add(name);
      }
      return value;
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  /** Splits expanded text into words: unquoted whitespace separates, quoted text never does. */
  private static final class Words {
    private final java.util.List<String> words = new java.util.ArrayList<>();
    private final StringBuilder word = new StringBuilder();
    private boolean inWord;

    void addChar(int ch) {
      if (isSpace(ch)) {
        if (inWord && word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        addRawChar(ch);
      }
    }

    void addRawChar(int ch) {
      word.appendCodePoint(ch);
      inWord = true;
    }

    void addString(String s) {
      s.codePoints().forEach(this::addChar);
    }

    void addRaw(String s) {
      word.append(s);
      inWord = true;
    }

    java.util.List<String> finish() {
      if (word.length() > 0) {
        words.add(word.toString());
        word.setLength(0);
        inWord = false;
      }
      return java.util.List.copyOf(words);
    }
  }

  /** Go's unicode.IsSpace for the characters a Dockerfile can hold. */
  static boolean isSpace(int ch) {
    return ch == ' '
        || (ch >= '\t' && ch <= '\r')
        || ch == 0x85
        || ch == 0xA0
        || Character.isSpaceChar(ch);
  }
}
