package dev.jcompose.model.api;

import java.time.Duration;

/**
 * A service's effective restart policy: {@code restart} and {@code deploy.restart_policy} merged
 * the way docker compose's getRestartPolicy does (pkg/compose/create.go): a {@code
 * deploy.restart_policy} replaces {@code restart} entirely, its condition mapped none/no -> no,
 * on-failure, unless-stopped, any/always -> always, and an absent condition meaning no. The same
 * text form ({@code on-failure:3}) travels on container labels, so the engine reads a re-adopted
 * container's policy with {@link #parse} too.
 *
 * @param maxRetries restarts allowed before giving up; 0 = unlimited (docker's MaximumRetryCount)
 * @param delay fixed delay between restarts instead of docker's backoff; null = backoff
 * @param window a run at least this long resets the retry count; null = never
 */
public record RestartPolicy(Mode mode, int maxRetries, Duration delay, Duration window) {

  public enum Mode {
    NO,
    ALWAYS,
    ON_FAILURE,
    UNLESS_STOPPED
  }

  public static final RestartPolicy NO = new RestartPolicy(Mode.NO, 0, null, null);

  /**
   * Docker's restart syntax: "no", "always", "on-failure[:N]", "unless-stopped" (empty = no). A
   * retry count is read after any mode, because a {@code deploy.restart_policy} limits every
   * condition and its label must say so.
   */
  public static RestartPolicy parse(String text) {
    if (text == null || text.isEmpty()) {
      return NO;
    }
    int colon = text.indexOf(':');
    Mode mode = mode(colon < 0 ? text : text.substring(0, colon));
    if (colon < 0) {
      return new RestartPolicy(mode, 0, null, null);
    }
    try {
      return new RestartPolicy(
          mode, Integer.parseUnsignedInt(text.substring(colon + 1)), null, null);
    } catch (NumberFormatException e) {
      throw invalid(text, "maximum retry count must be a number");
    }
  }

  /** {@code deploy.restart_policy}: condition none, on-failure, any (and docker's own names). */
  public static RestartPolicy ofDeploy(
      String condition, Integer maxAttempts, Duration delay, Duration window) {
    Mode mode = condition == null || condition.isEmpty() ? Mode.NO : mode(condition);
    return new RestartPolicy(mode, maxAttempts == null ? 0 : maxAttempts, delay, window);
  }

  private static Mode mode(String name) {
    return switch (name) {
      case "no", "none" -> Mode.NO;
      case "always", "any" -> Mode.ALWAYS;
      case "on-failure" -> Mode.ON_FAILURE;
      case "unless-stopped" -> Mode.UNLESS_STOPPED;
      default -> throw invalid(name, "use no, always, on-failure[:max-retries] or unless-stopped");
    };
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("invalid restart policy \"" + text + "\": " + why);
  }

  /**
   * Whether an exit with this code is answered with a restart, before counting retries: always and
   * unless-stopped restart any exit, on-failure a non-zero one.
   */
  public boolean restartsAfter(int exitCode) {
    return switch (mode) {
      case NO -> false;
      case ON_FAILURE -> exitCode != 0;
      case ALWAYS, UNLESS_STOPPED -> true;
    };
  }

  /** The text form {@link #parse} reads back (delay and window travel separately). */
  public String label() {
    String name =
        switch (mode) {
          case NO -> "no";
          case ALWAYS -> "always";
          case UNLESS_STOPPED -> "unless-stopped";
          case ON_FAILURE -> "on-failure";
        };
    return maxRetries > 0 && mode != Mode.NO ? name + ":" + maxRetries : name;
  }

  public RestartPolicy withTiming(Duration delay, Duration window) {
    return new RestartPolicy(mode, maxRetries, delay, window);
  }
}
