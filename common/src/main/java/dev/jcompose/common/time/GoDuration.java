package dev.jcompose.common.time;

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

  /**
   * Nanoseconds of {@code text}; IllegalArgumentException with Go's message when invalid. Go's
   * algorithm (time.ParseDuration; go-str2duration, compose's, is the same with d and w): an
   * integer and a fraction per term, the fraction scaled through a double as Go does, overflow past
   * 2^63 an error. Plain long arithmetic: BigDecimal's class initialisation alone costs 12-50 ms in
   * a short-lived JVM on JDK 25.
   */
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
      Long factor = units.factor(unit);
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
    StringBuilder digits = new StringBuilder(Long.toString(value % unit + unit)).deleteCharAt(0);
    int end = digits.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    String whole = Long.toString(value / unit);
    return end == 0 ? whole : whole + "." + digits.substring(0, end);
  }
}
