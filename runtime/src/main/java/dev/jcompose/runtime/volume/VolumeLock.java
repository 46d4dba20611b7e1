package dev.jcompose.runtime.volume;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises volume create/remove across threads AND processes (the engine and a CLI {@code volume
 * rm} may run at once). An flock on one file guards processes; since the JVM refuses a second lock
 * on the same file from another thread (OverlappingFileLockException), threads queue first on a
 * JVM-wide ReentrantLock per lock file.
 */
final class VolumeLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final ReentrantLock threadLock;
  private final FileChannel channel;
  private final FileLock fileLock;

  private VolumeLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
    this.threadLock = threadLock;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  static VolumeLock acquire(Path lockFile) throws IOException {
    ReentrantLock threadLock = IN_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
    threadLock.lock();
    try {
      FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new VolumeLock(threadLock, ch, ch.lock());
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
    } catch (IOException | RuntimeException e) {
      threadLock.unlock();
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    try {
      fileLock.release();
      channel.close();
    } finally {
      threadLock.unlock();
    }
  }
}
