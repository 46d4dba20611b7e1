package dev.jcompose.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's time formats: RFC3339Nano (UTC, fractional seconds with trailing zeros removed: docker's log
 * timestamps) and {@link #STRING}.
 */
public final class GoTime {
  /** Go's time.Time.String() without fractional seconds, e.g. "2024-05-02 12:21:53 +0400 +04". */
  static final DateTimeFormatter STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z z");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private GoTime() {}

  @SuppressWarnings(
      "JavaInstantGetSecondsGetNano") // the seconds are printed by SECONDS, from the same instant
  public static String rfc3339Nano(Instant t) {
    String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
    return SECONDS.format(t) + (frac.isEmpty() ? "" : "." + frac) + "Z";
  }
}
