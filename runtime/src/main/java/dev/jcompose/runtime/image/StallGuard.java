package dev.jcompose.runtime.image;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a response body that stops delivering bytes. The JDK HttpClient bounds connecting and
 * waiting for headers, but a body read can block forever on a stalled connection; closing the
 * stream makes that read fail with an IOException instead.
 */
final class StallGuard implements AutoCloseable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "jcompose-stall-guard");
            t.setDaemon(true);
            return t;
          });
  private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
  private final ScheduledFuture<?> check;
  private volatile boolean fired;

  StallGuard(Closeable body, Duration limit) {
    long period = Math.max(1, limit.toMillis() / 4);
    this.check =
        TIMER.scheduleAtFixedRate(
            () -> {
              if (System.nanoTime() - lastProgress.get() > limit.toNanos() && !fired) {
                fired = true;
                try {
                  body.close();
                } catch (IOException e) {
                  // the reader fails either way
                }
              }
            },
            period,
            period,
            TimeUnit.MILLISECONDS);
  }

  /** Call whenever bytes arrived. */
  void progress() {
    lastProgress.set(System.nanoTime());
  }

  /** Whether the guard closed the body; lets the caller name the stall as the cause. */
  boolean fired() {
    return fired;
  }

  @Override
  public void close() {
    check.cancel(false);
  }
}
