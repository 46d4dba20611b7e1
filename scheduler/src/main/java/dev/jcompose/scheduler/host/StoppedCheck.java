package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import java.util.function.BooleanSupplier;

/**
 * "Has this container stopped?" for followers, reading its state at most every 500 ms: the log
 * reader asks each time it reaches the end of the file, which can be far more often.
 */
final class StoppedCheck implements BooleanSupplier {
  private static final long INTERVAL_NANOS = 500_000_000L;
  private final ContainerRuntime runtime;
  private final String id;
  private long checkedAt = System.nanoTime() - INTERVAL_NANOS;
  private boolean stopped;

  StoppedCheck(ContainerRuntime runtime, String id) {
    this.runtime = runtime;
    this.id = id;
  }

  @Override
  public synchronized boolean getAsBoolean() {
    long now = System.nanoTime();
    if (!stopped && now - checkedAt >= INTERVAL_NANOS) {
      checkedAt = now;
      stopped = runtime.state(id).map(s -> s.status() == ContainerState.Status.EXITED).orElse(true);
    }
    return stopped;
  }
}
