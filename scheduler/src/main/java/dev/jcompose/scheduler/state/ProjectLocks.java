package dev.jcompose.scheduler.state;

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
 * One lock per project so two verbs on the same project serialise: an in-process lock (file locks
 * are per JVM) plus a file lock under {@code <runRoot>/locks} against a second engine process.
 */
public final class ProjectLocks {
  private final Path dir;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  public ProjectLocks(Path dir) {
    this.dir = dir;
  }

  /** Held until closed. */
  public AutoCloseable lock(String project) {
    ReentrantLock l = locks.computeIfAbsent(project, k -> new ReentrantLock());
    l.lock();
    try {
      Files.createDirectories(dir);
      FileChannel ch = FileChannel.open(dir.resolve(project + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock fl = ch.lock();
      return () -> {
        try {
          fl.release();
          ch.close();
        } finally {
          l.unlock();
        }
      };
    } catch (IOException e) {
      l.unlock();
      throw new UncheckedIOException("cannot lock project " + project, e);
    }
  }
}
