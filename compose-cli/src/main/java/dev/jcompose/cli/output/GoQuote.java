package dev.jcompose.cli.output;

/**
 * Go's {@code strconv.Quote} for the characters commands contain: docker quotes the COMMAND column
 * with it.
 */
final class GoQuote {
  private GoQuote() {}

  static String of(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(cp -> append(sb, cp));
    return sb.append('"').toString();
  }

  private static void append(StringBuilder sb, int cp) {
    switch (cp) {
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      case '\n' -> sb.append("\\n");
      case '\t' -> sb.append("\\t");
      case '\r' -> sb.append("\\r");
      default -> {
        if (cp < 0x20 || cp == 0x7f) {
          sb.append(String.format("\\x%02x", cp));
        } else {
          sb.appendCodePoint(cp);
        }
      }
    }
  }
}
