package dev.jcompose.model.validate;

/**
 * A value as it appears in an error message: double-quoted, with control characters escaped (as
 * Go's {@code %q} prints them), so that a hostile value can neither break the one-line message nor
 * forge a second line of output.
 */
final class Quoted {
  private Quoted() {}

  static String of(String value) {
    if (value == null) {
      return "(none)";
    }
    StringBuilder b = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            b.append(String.format("\\x%02x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
