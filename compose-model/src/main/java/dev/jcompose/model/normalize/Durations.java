package dev.jcompose.model.normalize;

import java.util.Map;

/**
 * Compose durations: parsed like compose-go (xhit/go-str2duration: units ns, us/µs, ms, s, m, h, d,
 * w; fractions and signs; a bare {@code 0}) and printed like Go's {@code time.Duration.String()}
 * ({@code 1m30s}, {@code 1h0m0s}, {@code 500ms}), which is how {@code docker compose config} shows
 * them.
 */
public final class Durations {
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
          3_600_000_000_000L,
          "d",
          86_400_000_000_000L,
          "w",
          604_800_000_000_000L);

  private Durations() {}

  /**
   * Nanoseconds of {@code text}; IllegalArgumentException with Go's message when invalid. Go's
   * algorithm (time.ParseDuration, which go-str2duration extends by d and w): an integer and a
   * fraction per term, the fraction scaled through a double as Go does, overflow past 2^63 an
   * error. Plain long arithmetic: BigDecimal's class initialisation alone costs 12-50 ms in a
   * short-lived JVM on JDK 25.
   */
  public static long parseNanos(String text) {
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
    long total = 0; // unsigned, at most 2^63
    int i = 0;
    while (i < s.length()) {
      int intStart = i;
      long whole = 0;
      while (i < s.length() && isDigit(s.charAt(i))) {
        if (Long.compareUnsigned(whole, Long.divideUnsigned(Long.MIN_VALUE, 10)) > 0) {
          throw invalid(text); // Go: the leading integer overflows
        }
        whole = whole * 10 + (s.charAt(i++) - '0');
        if (Long.compareUnsigned(whole, Long.MIN_VALUE) > 0) {
          throw invalid(text);
        }
      }
      boolean pre = i > intStart;
      long fraction = 0;
      double scale = 1;
      boolean post = false;
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int fracStart = i;
        boolean overflow = false;
        while (i < s.length() && isDigit(s.charAt(i))) {
          long next = fraction * 10 + (s.charAt(i++) - '0');
          if (overflow || fraction > Long.MAX_VALUE / 10 || next < 0) {
            overflow = true; // digits past a long's precision are dropped, as Go drops them
            continue;
          }
          fraction = next;
          scale *= 10;
        }
        post = i > fracStart;
      }
      if (!pre && !post) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      Long factor = UNITS.get(unit);
      if (factor == null) {
        throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      if (Long.compareUnsigned(whole, Long.divideUnsigned(Long.MIN_VALUE, factor)) > 0) {
        throw invalid(text);
      }
      long term = whole * factor;
      if (fraction > 0) {
        // a double, as Go: nanosecond-accurate for fractions of the largest units
        term += (long) (fraction * (factor / scale));
        if (Long.compareUnsigned(term, Long.MIN_VALUE) > 0) {
          throw invalid(text);
        }
      }
      total += term;
      if (Long.compareUnsigned(total, Long.MIN_VALUE) > 0) {
        throw invalid(text);
      }
    }
    if (negative) {
      return -total; // 2^63 negated is Long.MIN_VALUE, as Go allows
    }
    if (total < 0) {
      throw invalid(text);
    }
    return total;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }

  /** Go's time.Duration.String(). */
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
    StringBuilder digits = new StringBuilder(Long.toString(value % unit + unit)).deleteCharAt(0);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    String whole = Long.toString(value / unit);
    return end == 0 ? whole : whole + "." + digits.substring(0, end);
  }
}
