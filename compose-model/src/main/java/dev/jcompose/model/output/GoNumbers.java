package dev.jcompose.model.output;

import java.math.BigDecimal;

/**
 * Go's float formatting for encoding/json and yaml.v3 (shortest representation that round-trips).
 */
final class GoNumbers {
  private GoNumbers() {}

  /** encoding/json: 'f' format unless the exponent is < -6 or >= 21, then 'e' (e+21, e-7). */
  static String json(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      return "null";
    }
    double abs = Math.abs(d);
    BigDecimal shortest = new BigDecimal(Double.toString(d));
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
      int exp = shortest.precision() - shortest.scale() - 1;
      String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
      // strconv pads exponents to two digits; encoding/json then trims "e-07" to "e-7"
      String e = exp < 0 ? "-" + Math.abs(exp) : "+" + (exp < 10 ? "0" : "") + exp;
      return (d < 0 ? "-" : "") + mantissa + "e" + e;
    }
    return shortest.stripTrailingZeros().toPlainString();
  }

  /** yaml.v3 floats: strconv 'g'-like shortest; integral values keep no decimal point. */
  static String yaml(double d) {
    if (Double.isNaN(d)) {
      return ".nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? ".inf" : "-.inf";
    }
    return json(d);
  }
}
