package dev.jcompose.netmgr.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Whether host links exist, as sysfs shows them for the host network namespace. */
public final class LinkPresence {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  private LinkPresence() {}

  public static boolean exists(String link) {
    return Files.exists(Path.of("/sys/class/net", link));
  }

  /**
   * Waits at most {@code max} for the kernel to delete {@code links} by itself (it deletes both
   * ends of a veth when the namespace of one end is destroyed, asynchronously and in batches).
   */
  public static void awaitGone(List<String> links, Duration max) {
    long deadline = System.nanoTime() + max.toNanos();
    while (links.stream().anyMatch(LinkPresence::exists) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(POLL_NANOS);
    }
  }
}
