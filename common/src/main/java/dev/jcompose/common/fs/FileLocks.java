package dev.jcompose.common.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Exclusive locks on a file that hold across threads AND processes: an advisory lock on the file
 * (fcntl, dropped by the kernel when the process dies, so a killed holder never blocks the next)
 * plus a JVM-wide permit per file, because a JVM may hold only one {@link FileLock} per file and
 * throws {@link OverlappingFileLockException} for a second instead of waiting. The permit has no
 * owner, so a lock may be released by another thread than the one that took it; it is not
 * reentrant. Lock files are never deleted, so two processes always lock the same inode. The one
 * implementation of this habit.
 */
public final class FileLocks {
  private static final ConcurrentHashMap<Path, Semaphore> IN_JVM = new ConcurrentHashMap<>();
  private static final long POLL_MILLIS = 20;

  private FileLocks() {}

  /** A held lock; closing it releases both parts. */
  public static final class Held implements AutoCloseable {
    private final Semaphore threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Held(Semaphore threadLock, FileChannel channel, FileLock fileLock) {
      this.threadLock = threadLock;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() {
      try {
        fileLock.release();
        channel.close();
      } catch (IOException e) {
        // closing the channel drops the advisory lock anyway
      } finally {
        threadLock.release();
      }
    }
  }

  /** Blocks until {@code file} (created with its directory if missing) is held. */
  public static Held acquire(Path file) throws IOException {
    Semaphore threadLock = threadLock(file);
    threadLock.acquireUninterruptibly();
    return lockFile(file, threadLock, true);
  }

  /** The lock if it is free now, else null. */
  public static Held tryAcquire(Path file) throws IOException {
    Semaphore threadLock = threadLock(file);
    if (!threadLock.tryAcquire()) {
      return null;
    }
    return lockFile(file, threadLock, false);
  }

  /**
   * Waits at most {@code timeout} for the lock, polling so the wait stays bounded; null if not got.
   */
  public static Held acquire(Path file, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Held held = tryAcquire(file);
      if (held != null || System.nanoTime() >= deadline) {
        return held;
      }
      try {
        TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private static Semaphore threadLock(Path file) {
    return IN_JVM.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Semaphore(1));
  }

  private static Held lockFile(Path file, Semaphore threadLock, boolean wait) throws IOException {
    FileChannel ch = null;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = wait ? ch.lock() : ch.tryLock();
      if (lock == null) {
        ch.close();
        threadLock.release();
        return null;
      }
      return new Held(threadLock, ch, lock);
    } catch (IOException | RuntimeException e) {
      if (ch != null) {
        ch.close();
      }
      threadLock.release();
      throw e;
    }
  }
}
