package dev.jcompose.scheduler.restart;

import dev.jcompose.model.api.Service;
import java.time.Duration;

/**
 * A container's effective restart policy. {@code deploy.restart_policy} wins over {@code restart}
 * (docker compose getRestartPolicy): condition none->no, on-failure->on-failure, any->always.
 * {@code maxRetries} 0 = unlimited; delay/window are null unless deploy sets them.
 */
public record RestartPolicy(Mode mode, int maxRetries, Duration delay, Duration window) {

  public enum Mode {
    NO,
    ALWAYS,
    ON_FAILURE,
    UNLESS_STOPPED
  }

  public static final RestartPolicy NO = new RestartPolicy(Mode.NO, 0, null, null);

  public static RestartPolicy of(Service s) {
    Service.RestartPolicy d = s.deployRestartPolicy();
    if (d != null && d.condition() != null) {
      Mode mode = switch (d.condition()) {
        case "none" -> Mode.NO;
        case "on-failure" -> Mode.ON_FAILURE;
        default -> Mode.ALWAYS;
      };
      return new RestartPolicy(mode, d.maxAttempts() == null ? 0 : d.maxAttempts(), d.delay(), d.window());
    }
    return parse(s.restart());
  }

  /** Parses "no", "always", "on-failure[:N]", "unless-stopped" (also the label form). */
  public static RestartPolicy parse(String s) {
    if (s == null || s.isEmpty() || s.equals("no")) {
      return NO;
    }
    if (s.startsWith("on-failure")) {
      int n = s.contains(":") ? Integer.parseInt(s.substring(s.indexOf(':') + 1)) : 0;
      return new RestartPolicy(Mode.ON_FAILURE, n, null, null);
    }
    return switch (s) {
      case "always" -> new RestartPolicy(Mode.ALWAYS, 0, null, null);
      case "unless-stopped" -> new RestartPolicy(Mode.UNLESS_STOPPED, 0, null, null);
      default -> throw new IllegalArgumentException("unknown restart policy \"" + s + "\"");
    };
  }

  /** Label form understood by {@link #parse}. */
  public String label() {
    return switch (mode) {
      case NO -> "no";
      case ALWAYS -> "always";
      case UNLESS_STOPPED -> "unless-stopped";
      case ON_FAILURE -> maxRetries > 0 ? "on-failure:" + maxRetries : "on-failure";
    };
  }

  public RestartPolicy withTiming(Duration delay, Duration window) {
    return new RestartPolicy(mode, maxRetries, delay, window);
  }
}
