package dev.jcompose.model.load;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves a plain (unquoted, untagged) YAML scalar the way go-yaml (yaml.v3/v4 resolve.go) does
 * when compose-go decodes into an untyped map.
 *
 * <p>Booleans are only {@code true/True/TRUE/false/False/FALSE} (YAML 1.2), so {@code yes/on/y}
 * stay strings. Integers use Go's {@code strconv.ParseInt(s, 0, 64)} after dropping {@code _}: a
 * leading {@code 0} means octal ({@code 0755} = 493, kept "for compatibility" in go-yaml), {@code
 * 0o}, {@code 0x}, {@code 0b} prefixes, optional sign. Anything matching go-yaml's float pattern is
 * a float (so {@code 08}, an invalid octal, becomes 8.0 as in Go). Timestamps stay strings for
 * untyped decoding. No sexagesimal ({@code 22:22} is a string).
 */
final class GoYamlScalars {
  private static final Map<String, Object> SPECIAL =
      Map.ofEntries(
          Map.entry("true", Boolean.TRUE),
          Map.entry("True", Boolean.TRUE),
          Map.entry("TRUE", Boolean.TRUE),
          Map.entry("false", Boolean.FALSE),
          Map.entry("False", Boolean.FALSE),
          Map.entry("FALSE", Boolean.FALSE),
          Map.entry(".nan", Double.NaN),
          Map.entry(".NaN", Double.NaN),
          Map.entry(".NAN", Double.NaN),
          Map.entry(".inf", Double.POSITIVE_INFINITY),
          Map.entry(".Inf", Double.POSITIVE_INFINITY),
          Map.entry(".INF", Double.POSITIVE_INFINITY),
          Map.entry("+.inf", Double.POSITIVE_INFINITY),
          Map.entry("+.Inf", Double.POSITIVE_INFINITY),
          Map.entry("+.INF", Double.POSITIVE_INFINITY),
          Map.entry("-.inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.Inf", Double.NEGATIVE_INFINITY),
          Map.entry("-.INF", Double.NEGATIVE_INFINITY));

  /** go-yaml's yamlStyleFloat. */
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  private static final Pattern DIGITS = Pattern.compile("[0-9a-fA-F]+");

  private GoYamlScalars() {}

  /** The value of a plain scalar: String, Long, Double, Boolean or null. */
  static Object resolve(String in) {
    if (in.isEmpty()
        || in.equals("~")
        || in.equals("null")
        || in.equals("Null")
        || in.equals("NULL")) {
      return null;
    }
    Object special = SPECIAL.get(in);
    if (special != null) {
      return special;
    }
    char c = in.charAt(0);
    if (c == '.') {
      return parseGoFloat(in, in);
    }
    if (c != '+' && c != '-' && (c < '0' || c > '9')) {
      return in;
    }
    String plain = in.replace("_", "");
    Long asInt = parseGoInt(plain);
    if (asInt != null) {
      return asInt;
    }
    if (FLOAT.matcher(plain).matches()) {
      return parseGoFloat(plain, in);
    }
    return in;
  }

  private static Object parseGoFloat(String text, String original) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return original;
    }
  }

  /** Go's ParseInt(s, 0, 64) (prefix decides the base; leading 0 = octal); null if invalid. */
  static Long parseGoInt(String s) {
    boolean negative = s.startsWith("-");
    String body = s.startsWith("-") || s.startsWith("+") ? s.substring(1) : s;
    int radix = 10;
    String lower = body.toLowerCase(Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      body = body.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      body = body.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      body = body.substring(2);
    } else if (body.length() > 1 && body.charAt(0) == '0') {
      radix = 8;
      body = body.substring(1);
    }
    if (body.isEmpty() || !DIGITS.matcher(body).matches()) {
      return null;
    }
    try {
      BigInteger v = new BigInteger(body, radix);
      v = negative ? v.negate() : v;
      return v.bitLength() < 64 ? v.longValue() : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
