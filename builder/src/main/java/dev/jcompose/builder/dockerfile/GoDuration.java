package dev.jcompose.builder.dockerfile;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, which HEALTHCHECK flags use: decimal numbers with units ns,
 * us/µs, ms, s, m, h, concatenated ({@code 1m30s}, {@code 1.5s}); a bare {@code 0}. (Compose
 * durations also take d and w; those are compose-model's.)
 */
final class GoDuration {
  private static final Map<String, Long> UNITS =
      Map.of(
          "ns",
          1L,
          "us",
          1_000L,
          "µs",
          1_000L,
          "μs",
          1_000L,
          "ms",
          1_000_000L,
          "s",
          1_000_000_000L,
          "m",
          60_000_000_000L,
          "h",
          3_600_000_000_000L);

  private GoDuration() {}

  static long parseNanos(String text) {
    String s = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
    if (s.equals("0")) {
      return 0;
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      Long factor = UNITS.get(s.substring(unitStart, i));
      if (start == unitStart || factor == null) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
      }
      try {
        total =
            total.add(
                new BigDecimal(s.substring(start, unitStart)).multiply(BigDecimal.valueOf(factor)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"", e);
      }
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    return text.startsWith("-") ? -total.longValue() : total.longValue();
  }
}
