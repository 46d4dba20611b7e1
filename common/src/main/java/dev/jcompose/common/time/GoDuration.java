package dev.jcompose.common.time;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Go duration text, the one parser and printer for it: Dockerfile HEALTHCHECK flags (Go's {@code
 * time.ParseDuration}) and compose durations (compose-go's xhit/go-str2duration, which adds days
 * and weeks) read the same grammar — decimal numbers with units, concatenated ({@code 1m30s},
 * {@code 1.5h}), an optional sign, a bare {@code 0} — and fail with Go's messages.
 */
public final class GoDuration {
  /** Which unit suffixes a caller accepts. */
  public enum Units {
    /** {@code time.ParseDuration}: ns, us/µs, ms, s, m, h. */
    GO,
    /** compose-go's str2duration: Go's units plus d (24h) and w (7d). */
    COMPOSE;

    private static final Map<String, Long> GO_UNITS =
        Map.of(
            "ns", 1L,
            "us", 1_000L,
            "µs", 1_000L, // U+00B5 micro sign
            "μs", 1_000L, // U+03BC Greek mu: Go accepts both
            "ms", 1_000_000L,
            "s", 1_000_000_000L,
            "m", 60_000_000_000L,
            "h", 3_600_000_000_000L);

    Long factor(String unit) {
      if (this == COMPOSE && unit.equals("d")) {
        return 86_400_000_000_000L;
      }
      if (this == COMPOSE && unit.equals("w")) {
        return 604_800_000_000_000L;
      }
      return GO_UNITS.get(unit);
    }
  }

  private GoDuration() {}

  /** Nanoseconds of {@code text}; IllegalArgumentException with Go's message when invalid. */
  public static long parseNanos(String text, Units units) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      i = skip(s, i, true);
      if (start == i) {
        throw invalid(text);
      }
      String number = s.substring(start, i);
      int unitStart = i;
      i = skip(s, i, false);
      total = total.add(term(text, number, s.substring(unitStart, i), units));
    }
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  private static int skip(String s, int i, boolean numeric) {
    while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.') == numeric) {
      i++;
    }
    return i;
  }

  private static BigDecimal term(String text, String number, String unit, Units units) {
    if (unit.isEmpty()) {
      throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
    }
    Long factor = units.factor(unit);
    if (factor == null) {
      throw new IllegalArgumentException(
          "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
    }
    try {
      return new BigDecimal(number).multiply(BigDecimal.valueOf(factor));
    } catch (NumberFormatException e) {
      throw invalid(text);
    }
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }

  /** Go's {@code time.Duration.String()}: {@code 1m30s}, {@code 1h0m0s}, {@code 500ms}. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    long u = Math.abs(nanos);
    if (u < 1_000_000_000L) {
      if (u < 1_000L) {
        return sign + u + "ns";
      }
      if (u < 1_000_000L) {
        return sign + fraction(u, 1_000L) + "µs";
      }
      return sign + fraction(u, 1_000_000L) + "ms";
    }
    long hours = u / 3_600_000_000_000L;
    long rest = u % 3_600_000_000_000L;
    long minutes = rest / 60_000_000_000L;
    String seconds = fraction(rest % 60_000_000_000L, 1_000_000_000L) + "s";
    if (hours > 0) {
      return sign + hours + "h" + minutes + "m" + seconds;
    }
    if (minutes > 0) {
      return sign + minutes + "m" + seconds;
    }
    return sign + seconds;
  }

  /** {@code value/unit} with the fraction's trailing zeros dropped, as Go's fmtFrac does. */
  private static String fraction(long value, long unit) {
    return new BigDecimal(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }
}
