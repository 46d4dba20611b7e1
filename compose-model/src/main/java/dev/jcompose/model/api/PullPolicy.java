package dev.jcompose.model.api;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code pull_policy} (or {@code up --pull}) as compose-go reads it (types.GetPullPolicy):
 * always, never, missing ({@code if_not_present}), build, and the refreshing ones, {@code daily},
 * {@code weekly} and {@code every_<duration>}, which pull again once the local image is older than
 * the duration ({@code every_12h}, {@code every_2d}, {@code every_1w}: str2duration's units).
 *
 * @param every the refresh period for REFRESH, else null
 */
public record PullPolicy(Kind kind, Duration every) {
  public enum Kind {
    ALWAYS,
    NEVER,
    MISSING,
    BUILD,
    REFRESH
  }

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d|w)");
  private static final Pattern WHOLE = Pattern.compile("(?:" + PART.pattern() + ")+");

  public static final PullPolicy MISSING = new PullPolicy(Kind.MISSING, null);

  /** null or empty = missing; IllegalArgumentException for what compose-go refuses. */
  public static PullPolicy parse(String text) {
    if (text == null || text.isEmpty()) {
      return MISSING;
    }
    return switch (text) {
      case "always" -> new PullPolicy(Kind.ALWAYS, null);
      case "never" -> new PullPolicy(Kind.NEVER, null);
      case "missing", "if_not_present" -> MISSING;
      case "build" -> new PullPolicy(Kind.BUILD, null);
      case "daily" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(1));
      case "weekly" -> new PullPolicy(Kind.REFRESH, Duration.ofDays(7));
      default ->
          text.startsWith("every_")
              ? new PullPolicy(Kind.REFRESH, duration(text.substring(6)))
              : invalid(text);
    };
  }

  private static PullPolicy invalid(String text) {
    throw new IllegalArgumentException(
        "invalid pull policy \""
            + text
            + "\": expected always, never, missing, build, daily, weekly or every_<duration>");
  }

  /** xhxxm... with str2duration's units, which add d and w to Go's. */
  static Duration duration(String text) {
    if (!WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException("invalid pull policy duration \"" + text + "\"");
    }
    double nanos = 0;
    Matcher m = PART.matcher(text);
    while (m.find()) {
      nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2).toLowerCase(Locale.ROOT));
    }
    return Duration.ofNanos((long) nanos);
  }

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      case "d" -> 86400e9;
      default -> 7 * 86400e9;
    };
  }
}
