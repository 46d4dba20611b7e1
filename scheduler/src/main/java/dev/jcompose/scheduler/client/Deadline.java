package dev.jcompose.scheduler.client;

import dev.jcompose.scheduler.api.ComposeException;
import java.time.Duration;

/** A point in monotonic time after which bounded waits give up. */
record Deadline(long nanos) {
  static Deadline after(Duration d) {
    return new Deadline(System.nanoTime() + d.toNanos());
  }

  boolean passed() {
    return System.nanoTime() - nanos >= 0;
  }

  /** What is left, zero once passed. */
  Duration remaining() {
    return Duration.ofNanos(Math.max(0, nanos - System.nanoTime()));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ComposeException(
          ComposeException.Kind.UNAVAILABLE,
          "interrupted while waiting for the jcompose engine",
          e);
    }
  }
}
