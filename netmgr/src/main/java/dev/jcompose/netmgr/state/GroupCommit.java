package dev.jcompose.netmgr.state;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.function.Consumer;

/**
 * Durable writes of the state file, coalesced: callers hand in a numbered snapshot of the state
 * under the manager's lock ({@link #offer}), then wait off that lock until some write that includes
 * their change is on disk ({@link #awaitDurable}). When 20 containers attach at once, one fsync
 * covers every change made while the previous one ran, instead of 20 fsyncs in a row under the lock
 * (about 10 ms each on a busy disk, the better part of a 20-service {@code up}). Each write takes
 * the newest snapshot, so the file only ever moves forward. Thread-safe.
 */
public final class GroupCommit {
  private final Consumer<String> write;
  private long offered;
  private String latest;
  private long durable;
  private boolean writing;

  /**
   * @param write replaces the file with a snapshot, durably ({@link StateFile#write})
   */
  public GroupCommit(Consumer<String> write) {
    this.write = write;
  }

  /**
   * Records a newer snapshot; returns its number for {@link #awaitDurable}. Never blocks on I/O.
   */
  public synchronized long offer(String text) {
    latest = text;
    return ++offered;
  }

  /**
   * Returns once snapshot {@code version} or a newer one is on disk; writes it if no one else is.
   */
  public void awaitDurable(long version) {
    while (true) {
      String text;
      long v;
      synchronized (this) {
        while (durable < version && writing) {
          waitQuietly();
        }
        if (durable >= version) {
          return;
        }
        writing = true;
        text = latest;
        v = offered;
      }
      boolean ok = false;
      try {
        write.accept(text);
        ok = true;
      } finally {
        synchronized (this) {
          writing = false;
          if (ok) {
            durable = Math.max(durable, v);
          }
          notifyAll();
        }
      }
    }
  }

  @SuppressWarnings("WaitNotInLoop") // the one caller loops on its condition
  private void waitQuietly() {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE, "interrupted while saving network state", e);
    }
  }
}
