package dev.jcompose.model.env;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shell-style escapes of double-quoted .env values: {@code \a \b \c \f \n \r \t \v \\ \" \$} and
 * octal {@code \0NNN}. {@code \$} becomes {@code $$} so the following interpolation keeps a literal
 * {@code $}. Other backslashes stay as written (compose-go dotenv expandEscapes).
 */
final class Escapes {
  private static final Pattern ESCAPE = Pattern.compile("\\\\(?:[abcfnrtv$\"\\\\]|0[0-9]{0,3})");

  private Escapes() {}

  static String expand(String s) {
    Matcher m = ESCAPE.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(one(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String one(String esc) {
    char c = esc.charAt(1);
    return switch (c) {
      case 'a' -> "\u0007";
      case 'b' -> "\b";
      case 'f' -> "\f";
      case 'n' -> "\n";
      case 'r' -> "\r";
      case 't' -> "\t";
      case 'v' -> "\u000B";
      case '$' -> "$$";
      case '"' -> "\"";
      case '\\' -> "\\";
      case '0' -> octal(esc);
      default -> esc; // \c: Go's UnquoteChar rejects it, compose keeps the text
    };
  }

  /** Go reads {@code \0NNN} as the octal escape {@code \NNN}, which needs exactly 3 digits. */
  private static String octal(String esc) {
    String digits = esc.substring(2);
    if (digits.length() != 3 || digits.chars().anyMatch(d -> d > '7')) {
      return esc;
    }
    int v = Integer.parseInt(digits, 8);
    return v > 255 ? esc : String.valueOf((char) v);
  }
}
