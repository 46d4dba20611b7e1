package dev.jcompose.scheduler.restart;

import dev.jcompose.model.api.RestartPolicy;
import dev.jcompose.runtime.api.ExitStatus;
import java.time.Duration;

/**
 * Docker's restart decision (moby restartmanager): pure, table-tested. The backoff starts at 100 ms
 * and doubles per restart up to 1 minute; a run of at least 10 s resets it. A {@code
 * deploy.restart_policy.delay} replaces the backoff with a fixed delay, and a run longer than its
 * {@code window} does not count towards {@code max_attempts}.
 */
public final class RestartDecider {
  public static final Duration INITIAL = Duration.ofMillis(100);
  public static final Duration MAX = Duration.ofMinutes(1);
  public static final Duration RESET_AFTER = Duration.ofSeconds(10);

  /**
   * restart=false means leave it exited; {@code restartCount} is the count to store after this
   * exit.
   */
  public record Decision(boolean restart, Duration delay, int restartCount, String reason) {}

  private RestartDecider() {}

  /**
   * Whether and when to restart after {@code exit}.
   *
   * @param userStopped the user ran stop (or down) on it
   * @param restartCount restarts done so far in this run of policy
   * @param ranFor how long the process ran before this exit
   * @param lastDelay delay before the previous restart, null if none
   */
  public static Decision decide(
      RestartPolicy p,
      ExitStatus exit,
      boolean userStopped,
      int restartCount,
      Duration ranFor,
      Duration lastDelay) {
    int count = p.window() != null && ranFor.compareTo(p.window()) >= 0 ? 0 : restartCount;
    if (userStopped) {
      return new Decision(false, null, count, "stopped by user");
    }
    if (p.mode() == RestartPolicy.Mode.NO) {
      return new Decision(false, null, count, "restart policy no");
    }
    if (p.mode() == RestartPolicy.Mode.ON_FAILURE && exit.exitCode() == 0) {
      return new Decision(false, null, count, "exited successfully");
    }
    if (p.maxRetries() > 0 && count >= p.maxRetries()) {
      return new Decision(
          false, null, count, "maximum restart count " + p.maxRetries() + " reached");
    }
    return new Decision(
        true, delay(p, ranFor, lastDelay), count + 1, "restart policy " + p.label());
  }

  static Duration delay(RestartPolicy p, Duration ranFor, Duration lastDelay) {
    if (p.delay() != null) {
      return p.delay();
    }
    if (lastDelay == null || ranFor.compareTo(RESET_AFTER) >= 0) {
      return INITIAL;
    }
    Duration doubled = lastDelay.multipliedBy(2);
    return doubled.compareTo(MAX) > 0 ? MAX : doubled;
  }

  /** After an engine (re)start with the container not running: does the policy bring it back? */
  public static boolean restartOnEngineStart(RestartPolicy p, boolean userStopped) {
    return switch (p.mode()) {
      // Docker: "always" comes back with the daemon even after a manual stop.
      case ALWAYS -> true;
      case UNLESS_STOPPED -> !userStopped;
      default -> false;
    };
  }
}
