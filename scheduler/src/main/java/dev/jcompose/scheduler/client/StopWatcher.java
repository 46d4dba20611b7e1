package dev.jcompose.scheduler.client;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Polls a stop condition while a stream is being read and closes the connection when it turns true,
 * which wakes the blocked reader. Polling (100 ms) because {@link BooleanSupplier} has no way to
 * notify; the reader itself never polls.
 */
final class StopWatcher implements AutoCloseable {
  private static final long POLL_MILLIS = 100;
  private final Thread thread;

  private StopWatcher(Thread thread) {
    this.thread = thread;
  }

  /** A null {@code stop} means "never": no thread is started. */
  static StopWatcher start(BooleanSupplier stop, AtomicBoolean stopped, UnixConnection connection) {
    if (stop == null) {
      return new StopWatcher(null);
    }
    Thread t = new Thread(() -> watch(stop, stopped, connection), "jcompose-stream-stop");
    t.setDaemon(true);
    t.start();
    return new StopWatcher(t);
  }

  private static void watch(
      BooleanSupplier stop, AtomicBoolean stopped, UnixConnection connection) {
    try {
      while (!stop.getAsBoolean()) {
        Thread.sleep(POLL_MILLIS);
      }
      stopped.set(true);
      connection.close();
    } catch (InterruptedException e) {
      // the stream ended by itself
    } catch (IOException e) {
      stopped.set(true);
    }
  }

  @Override
  public void close() {
    if (thread != null) {
      thread.interrupt();
    }
  }
}
