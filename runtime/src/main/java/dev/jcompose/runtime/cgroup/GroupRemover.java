package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.nio.file.Path;

/**
 * rmdir with bounded retries. A group stays busy for a moment after its last process was killed
 * (the kernel finishes exit and uncharging asynchronously), so like runc (cgroups utils.go rmdir:
 * "retry with exponential backoff, 1ms doubling, 10 tries") we retry EBUSY for about one second.
 */
final class GroupRemover {
  private static final int TRIES = 11;

  private final CgroupFs fs;

  GroupRemover(CgroupFs fs) {
    this.fs = fs;
  }

  /** Removes {@code dir}; throws CONFLICT naming the group if it stays busy. */
  void remove(Path dir) {
    long delayMillis = 1;
    for (int i = 0; i < TRIES; i++) {
      if (fs.rmdir(dir)) {
        return;
      }
      sleep(delayMillis);
      delayMillis *= 2;
    }
    throw new ContainerException(
        Kind.CONFLICT,
        "cgroup " + dir + " is still busy (processes left in it) after ~2s of retries");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(Kind.UNAVAILABLE, "interrupted while removing a cgroup", null);
    }
  }
}
