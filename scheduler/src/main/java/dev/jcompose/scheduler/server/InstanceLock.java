package dev.jcompose.scheduler.server;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.FileLocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes the engine a single instance per run root: an exclusive lock on {@code engine.lock}, held
 * for the life of the process (the kernel drops it if the process dies, so a SIGKILLed engine never
 * blocks the next one). Also owns the pid file, written atomically.
 */
final class InstanceLock implements AutoCloseable {
  private final FileLocks.Held lock;
  private final Path pidFile;

  private InstanceLock(FileLocks.Held lock, Path pidFile) {
    this.lock = lock;
    this.pidFile = pidFile;
  }

  /** The lock, or null if another process (or this one) holds it. */
  static InstanceLock tryAcquire(Path runRoot) throws IOException {
    FileLocks.Held lock = FileLocks.tryAcquire(runRoot.resolve("engine.lock"));
    return lock == null ? null : new InstanceLock(lock, runRoot.resolve("engine.pid"));
  }

  void writePid() throws IOException {
    // the run root is a tmpfs emptied at boot: no fsync needed
    AtomicFile.write(
        pidFile,
        (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII),
        AtomicFile.Durability.UNSYNCED);
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
    try {
      Files.deleteIfExists(pidFile);
    } finally {
      lock.close();
    }
  }
}
