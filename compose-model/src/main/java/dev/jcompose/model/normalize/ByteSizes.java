package dev.jcompose.model.normalize;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as compose-go reads them (types.UnitBytes): a plain integer first (so {@code -1}
 * works), else docker/go-units RAMInBytes: binary multipliers (k = 1024), case-insensitive,
 * optional {@code i}/{@code b}, decimal amounts, one optional space before the unit.
 */
public final class ByteSizes {
  private static final Pattern SIZE =
      Pattern.compile("^(\\d+(?:\\.\\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$");

  private ByteSizes() {}

  /** Bytes of {@code value} (a Long/Double from YAML, or text). */
  public static long parse(Object value) {
    if (value instanceof Long l) {
      return l;
    }
    if (value instanceof Double d) {
      return d.longValue();
    }
    String s = String.valueOf(value);
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return ramInBytes(s);
    }
  }

  private static long ramInBytes(String s) {
    Matcher m = SIZE.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
    long mult = 1;
    if (m.group(2) != null) {
      int power = "kmgtp".indexOf(m.group(2).toLowerCase(Locale.ROOT)) + 1;
      mult = 1L << (10 * power);
    }
    try {
      // a float64 times the multiplier, truncated, as go-units does (and no BigDecimal: its class
      // initialisation alone costs a short-lived JVM 12-50 ms on JDK 25)
      return (long) (Double.parseDouble(m.group(1)) * mult);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size: '" + s + "'");
    }
  }
}
