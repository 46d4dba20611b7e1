package dev.jcompose.cli.command;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since}/{@code --until} values as docker accepts them: RFC 3339 times (with or without
 * zone; without = local), dates, Unix timestamps ({@code 1700000000.5}) and Go durations relative
 * to now ({@code 42m}, {@code 1h30m}, {@code 10s}).
 */
final class TimeArg {
  private static final Pattern GO_DURATION =
      Pattern.compile("((\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns))+");
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

  private TimeArg() {}

  static Instant parse(String value, Instant now, ZoneId zone) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (GO_DURATION.matcher(value).matches()) {
      return now.minus(goDuration(value));
    }
    if (value.matches("\\d+(\\.\\d+)?")) {
      BigDecimal seconds = new BigDecimal(value);
      return Instant.ofEpochSecond(
          seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      // try the zone-less forms below
    }
    try {
      return LocalDateTime.parse(value).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      // try a plain date
    }
    try {
      return LocalDate.parse(value).atStartOfDay(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "invalid time '"
              + value
              + "': use RFC 3339 (2006-01-02T15:04:05Z), a Unix timestamp or a duration like 42m");
    }
  }

  static Duration goDuration(String value) {
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(value);
    while (m.find()) {
      BigDecimal n = new BigDecimal(m.group(1));
      long nanosPerUnit =
          switch (m.group(2)) {
            case "h" -> 3_600_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "s" -> 1_000_000_000L;
            case "ms" -> 1_000_000L;
            case "us", "µs" -> 1_000L;
            default -> 1L;
          };
      total = total.plusNanos(n.multiply(BigDecimal.valueOf(nanosPerUnit)).longValue());
    }
    return total;
  }
}
