package dev.jcompose.cli.output;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's RFC3339Nano: UTC, fractional seconds with trailing zeros removed (docker's log timestamps).
 */
public final class GoTime {
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
