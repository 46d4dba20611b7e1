package dev.jcompose.scheduler.client;

import dev.jcompose.scheduler.api.ComposeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock CLIs take before starting an engine, so two concurrent CLIs never start two. Polled
 * with {@code tryLock} rather than a blocking {@code lock} so the wait stays bounded.
 */
final class StartLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private StartLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static StartLock acquire(Path file, Deadline deadline) {
    FileChannel ch;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new ComposeException(ComposeException.Kind.UNAVAILABLE, "cannot open " + file + ": " + e.getMessage(), e);
    }
    try {
      while (true) {
        FileLock lock = tryLock(ch);
        if (lock != null) {
          return new StartLock(ch, lock);
        }
        if (deadline.passed()) {
          throw new ComposeException(ComposeException.Kind.UNAVAILABLE, "another jcompose is still starting the engine (" + file + " is locked)");
        }
        Deadline.sleep(20);
      }
    } catch (RuntimeException e) {
      closeQuietly(ch);
      throw e;
    }
  }

  private static FileLock tryLock(FileChannel ch) {
    try {
      return ch.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // another thread of this JVM holds it: wait like another process would
    } catch (IOException e) {
      throw new ComposeException(ComposeException.Kind.UNAVAILABLE, "cannot lock the engine start lock: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException e) {
      // nothing left to release
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // released when the channel closes anyway
    }
    closeQuietly(channel);
  }
}
