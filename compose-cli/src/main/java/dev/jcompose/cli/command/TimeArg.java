package dev.jcompose.cli.command;

import dev.jcompose.common.time.GoDuration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * {@code --since}/{@code --until} values as docker accepts them: RFC 3339 times (with or without
 * zone; without = local), dates, Unix timestamps ({@code 1700000000.5}) and Go durations relative
 * to now ({@code 42m}, {@code 1h30m}, {@code 10s}).
 */
final class TimeArg {
  private TimeArg() {}

  static Instant parse(String value, Instant now, ZoneId zone) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    Duration ago = goDuration(value);
    if (ago != null) {
      return now.minus(ago);
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

  // docker (api/types/time.GetTimestamp) tries time.ParseDuration first; "0" is a timestamp
  private static Duration goDuration(String value) {
    if (value.equals("0")) {
      return null;
    }
    try {
      return Duration.ofNanos(GoDuration.parseNanos(value, GoDuration.Units.GO));
    } catch (IllegalArgumentException e) {
      return null; // not a duration: a time or a timestamp
    }
  }
}
