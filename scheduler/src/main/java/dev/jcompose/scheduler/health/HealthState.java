package dev.jcompose.scheduler.health;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Docker's health state machine for one container run (moby daemon/health.go): starts STARTING; a
 * passing probe makes it HEALTHY; {@code retries} consecutive failures make it UNHEALTHY, except
 * that failures during {@code start_period} do not count (but a success ends the start period).
 * Keeps the last 5 probe results like docker. Not thread-safe: one prober drives it.
 */
public final class HealthState {
  /** One probe's result. */
  public record Result(Instant start, Instant end, int exitCode, String output) {}

  private final HealthSpec spec;
  private final Instant startedAt;
  private HealthStatus status = HealthStatus.STARTING;
  private int failingStreak;
  private boolean startPeriodOver;
  private final Deque<Result> log = new ArrayDeque<>();

  public HealthState(HealthSpec spec, Instant startedAt) {
    this.spec = spec;
    this.startedAt = startedAt;
  }

  /** Records a probe result; returns true when the status changed. */
  public boolean record(Result r) {
    log.addLast(r);
    while (log.size() > 5) {
      log.removeFirst();
    }
    HealthStatus before = status;
    if (r.exitCode() == 0) {
      failingStreak = 0;
      startPeriodOver = true;
      status = HealthStatus.HEALTHY;
    } else if (inStartPeriod(r.start())) {
      // Docker: probe failure during the start period is not counted towards retries.
    } else {
      failingStreak++;
      if (failingStreak >= spec.retries()) {
        status = HealthStatus.UNHEALTHY;
      }
    }
    return before != status;
  }

  /** Delay before the next probe: start_interval during the start period, else interval. */
  public Duration nextDelay(Instant now) {
    return inStartPeriod(now) && status == HealthStatus.STARTING
        ? spec.startInterval()
        : spec.interval();
  }

  public HealthStatus status() {
    return status;
  }

  public int failingStreak() {
    return failingStreak;
  }

  public List<Result> log() {
    return List.copyOf(log);
  }

  private boolean inStartPeriod(Instant t) {
    return !startPeriodOver && t.isBefore(startedAt.plus(spec.startPeriod()));
  }
}
