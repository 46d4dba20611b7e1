package dev.jcompose.builder.dockerfile;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parser directives ({@code # escape=`}, {@code # syntax=...}, {@code # check=...}): only comment
 * lines of that shape at the very top of the file count; the first other line ends the search, as
 * in BuildKit's parser. Each directive may appear once.
 */
final class Directives {
  private static final Pattern DIRECTIVE =
      Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
  private static final Set<String> KNOWN = Set.of("escape", "syntax", "check");
  private final Set<String> seen = new HashSet<>();
  private boolean done;
  char escape = '\\';
  String syntax;
  private Pattern continuation = continuationFor('\\');

  /** Looks at one (left-trimmed) line; returns an error message or null. */
  String offer(String line) {
    if (done) {
      return null;
    }
    Matcher m = DIRECTIVE.matcher(line);
    if (!m.matches() || !KNOWN.contains(m.group(1).toLowerCase(Locale.ROOT))) {
      done = true;
      return null;
    }
    String key = m.group(1).toLowerCase(Locale.ROOT);
    if (!seen.add(key)) {
      return "only one " + key + " parser directive can be used";
    }
    if (key.equals("escape")) {
      String v = m.group(2);
      if (!v.equals("`") && !v.equals("\\")) {
        return "invalid escape token '" + v + "' does not match ` or \\";
      }
      escape = v.charAt(0);
      continuation = continuationFor(escape);
    } else if (key.equals("syntax")) {
      syntax = m.group(2);
    }
    return null;
  }

  // The escape token ends a line to continue it, unless it is itself escaped ("foo \\").
  private static Pattern continuationFor(char escape) {
    String e = Pattern.quote(Character.toString(escape));
    return Pattern.compile(
        "([^" + (escape == '\\' ? "\\\\" : "`") + "])" + e + "[ \t]*$|^" + e + "[ \t]*$");
  }

  /** The line without its continuation token, or null when the line does not continue. */
  String continued(String line) {
    Matcher m = continuation.matcher(line);
    if (!m.find()) {
      return null;
    }
    return line.substring(0, m.start()) + (m.group(1) == null ? "" : m.group(1));
  }
}
