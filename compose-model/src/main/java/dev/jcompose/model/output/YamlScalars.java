package dev.jcompose.model.output;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * How yaml.v3's encoder writes a string: plain when it would read back as the same string,
 * double-quoted when plain text would resolve to another type (numbers, booleans, null, YAML 1.1
 * booleans such as {@code yes}), single-quoted when only indicator characters forbid plain style,
 * and a literal block for multi-line text.
 */
final class YamlScalars {
  private static final Set<String> RESERVED =
      Set.of(
          "", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
          ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan",
          ".NaN", ".NAN", "<<");
  private static final Set<String> OLD_BOOLS =
      Set.of(
          "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no", "No", "NO", "off", "Off",
          "OFF");
  private static final Pattern INT =
      Pattern.compile("[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");
  private static final Pattern BASE60 =
      Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

  private YamlScalars() {}

  /** The text of {@code s} as a scalar (without indentation handling for block scalars). */
  static String quote(String s) {
    if (RESERVED.contains(s) || OLD_BOOLS.contains(s) || looksNumeric(s)) {
      return doubleQuoted(s);
    }
    if (plainAllowed(s)) {
      return s;
    }
    return hasSpecial(s) ? doubleQuoted(s) : "'" + s.replace("'", "''") + "'";
  }

  /**
   * Only text starting like a number can resolve to one; skipping the regexes otherwise is the hot
   * path.
   */
  private static boolean looksNumeric(String s) {
    char c = s.charAt(0);
    if (!(Character.isDigit(c) || c == '+' || c == '-' || c == '.')) {
      return false;
    }
    return INT.matcher(s).matches()
        || FLOAT.matcher(s).matches()
        || TIMESTAMP.matcher(s).matches()
        || BASE60.matcher(s).matches();
  }

  static boolean isMultiline(String s) {
    return s.indexOf('\n') >= 0;
  }

  private static boolean plainAllowed(String s) {
    if (s.startsWith(" ")
        || s.endsWith(" ")
        || s.startsWith("\t")
        || s.endsWith("\t")
        || hasSpecial(s)) {
      return false;
    }
    char first = s.charAt(0);
    if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    boolean followedBySpace = s.length() == 1 || s.charAt(1) == ' ';
    if ((first == '-' || first == '?' || first == ':') && followedBySpace) {
      return false;
    }
    if (s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean last = i == s.length() - 1;
      if (c == ':' && (last || s.charAt(i + 1) == ' ')) {
        return false;
      }
      if (c == '#' && i > 0 && s.charAt(i - 1) == ' ') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasSpecial(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f || c == '\uFEFF') {
        return true;
      }
    }
    return false;
  }

  static String doubleQuoted(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
