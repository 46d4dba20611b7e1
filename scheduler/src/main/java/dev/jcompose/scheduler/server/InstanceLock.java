package dev.jcompose.scheduler.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Makes the engine a single instance per run root: an exclusive {@code flock}-style lock on
 * {@code engine.lock}, held for the life of the process (the kernel drops it if the process dies,
 * so a SIGKILLed engine never blocks the next one). Also owns the pid file, written atomically.
 */
final class InstanceLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;
  private final Path pidFile;

  private InstanceLock(FileChannel channel, FileLock lock, Path pidFile) {
    this.channel = channel;
    this.lock = lock;
    this.pidFile = pidFile;
  }

  /** The lock, or null if another process holds it. */
  static InstanceLock tryAcquire(Path runRoot) throws IOException {
    FileChannel ch = FileChannel.open(runRoot.resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this JVM already
    }
    if (lock == null) {
      ch.close();
      return null;
    }
    return new InstanceLock(ch, lock, runRoot.resolve("engine.pid"));
  }

  void writePid() throws IOException {
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, pidFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The pid recorded by the engine holding the lock, or -1. */
  static long recordedPid(Path runRoot) {
    try {
      return Long.parseLong(Files.readString(runRoot.resolve("engine.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(pidFile);
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
