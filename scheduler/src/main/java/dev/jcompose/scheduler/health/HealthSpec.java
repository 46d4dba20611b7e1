package dev.jcompose.scheduler.health;

import dev.jcompose.model.api.HealthCheck;
import dev.jcompose.runtime.api.ImageConfig;
import java.time.Duration;
import java.util.List;

/**
 * An effective healthcheck: the service's settings over the image's HEALTHCHECK, docker defaults
 * for what neither sets (interval 30 s, timeout 30 s, start period 0, start interval 5 s, retries
 * 3). {@code test} is ["CMD", args...] or ["CMD-SHELL", cmd].
 */
public record HealthSpec(
    List<String> test,
    Duration interval,
    Duration timeout,
    Duration startPeriod,
    Duration startInterval,
    int retries) {

  /** The effective healthcheck, or null when there is none (absent, NONE or disabled). */
  public static HealthSpec effective(HealthCheck s, ImageConfig.HealthConfig image) {
    if (s != null && s.disable()) {
      return null;
    }
    List<String> test =
        s != null && s.test() != null && !s.test().isEmpty()
            ? s.test()
            : image == null ? null : image.test();
    if (test == null || test.isEmpty() || test.get(0).equals("NONE")) {
      return null;
    }
    return new HealthSpec(
        test,
        pick(
            s == null ? null : s.interval(),
            image == null ? 0 : image.intervalNanos(),
            Duration.ofSeconds(30)),
        pick(
            s == null ? null : s.timeout(),
            image == null ? 0 : image.timeoutNanos(),
            Duration.ofSeconds(30)),
        pick(
            s == null ? null : s.startPeriod(),
            image == null ? 0 : image.startPeriodNanos(),
            Duration.ZERO),
        pick(
            s == null ? null : s.startInterval(),
            image == null ? 0 : image.startIntervalNanos(),
            Duration.ofSeconds(5)),
        s != null && s.retries() != null
            ? s.retries()
            : image != null && image.retries() > 0 ? image.retries() : 3);
  }

  /** The argv to exec: CMD-SHELL runs through /bin/sh -c as docker does. */
  public List<String> argv() {
    if (test.get(0).equals("CMD-SHELL")) {
      return List.of("/bin/sh", "-c", String.join(" ", test.subList(1, test.size())));
    }
    return test.get(0).equals("CMD") ? test.subList(1, test.size()) : test;
  }

  /** Compact label form: millis|millis|millis|millis|retries|test parts separated by NUL. */
  public String encode() {
    return interval.toMillis()
        + "|"
        + timeout.toMillis()
        + "|"
        + startPeriod.toMillis()
        + "|"
        + startInterval.toMillis()
        + "|"
        + retries
        + "|"
        + String.join("\u0000", test);
  }

  public static HealthSpec decode(String label) {
    if (label == null || label.isEmpty()) {
      return null;
    }
    String[] f = label.split("\\|", 6);
    return new HealthSpec(
        List.of(f[5].split("\u0000")),
        Duration.ofMillis(Long.parseLong(f[0])),
        Duration.ofMillis(Long.parseLong(f[1])),
        Duration.ofMillis(Long.parseLong(f[2])),
        Duration.ofMillis(Long.parseLong(f[3])),
        Integer.parseInt(f[4]));
  }

  private static Duration pick(Duration service, long imageNanos, Duration dflt) {
    if (service != null && !service.isZero()) {
      return service;
    }
    return imageNanos > 0 ? Duration.ofNanos(imageNanos) : dflt;
  }
}
