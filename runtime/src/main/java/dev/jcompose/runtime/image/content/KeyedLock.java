package dev.jcompose.runtime.image.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive locks by name that hold across threads AND processes: an in-JVM lock per lock file
 * (a JVM may hold only one {@link FileLock} per file) plus an advisory lock on {@code <dir>/<key>.lock}.
 * Lock files are never deleted, so two processes always lock the same inode.
 */
public final class KeyedLock {
  private final Path dir;
  // JVM-wide, keyed by lock file: two KeyedLocks on one directory in one JVM must exclude each
  // other here, since a second FileLock on the same file in the same JVM throws instead of waiting.
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  public KeyedLock(Path dir) {
    this.dir = dir;
  }

  /** Blocks until {@code key} is held; close the lease to release it. */
  public Lease acquire(String key) {
    Path file = dir.resolve(key + ".lock").toAbsolutePath().normalize();
    ReentrantLock lock = LOCAL.computeIfAbsent(file, k -> new ReentrantLock());
    lock.lock();
    try {
      Files.createDirectories(dir);
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new Lease(lock, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      lock.unlock();
      throw new UncheckedIOException("cannot lock " + key + " in " + dir, e);
    } catch (RuntimeException e) {
      lock.unlock();
      throw e;
    }
  }

  /** A held lock. */
  public static final class Lease implements AutoCloseable {
    private final ReentrantLock lock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Lease(ReentrantLock lock, FileChannel channel, FileLock fileLock) {
      this.lock = lock;
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
        lock.unlock();
      }
    }
  }
}
