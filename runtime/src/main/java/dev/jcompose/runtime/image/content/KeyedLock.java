package dev.jcompose.runtime.image.content;

import dev.jcompose.common.fs.FileLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Exclusive locks by name that hold across threads AND processes: {@code <dir>/<key>.lock} through
 * {@link FileLocks}.
 */
public final class KeyedLock {
  private final Path dir;

  public KeyedLock(Path dir) {
    this.dir = dir;
  }

  /** Blocks until {@code key} is held; close the lease to release it. */
  public FileLocks.Held acquire(String key) {
    try {
      return FileLocks.acquire(dir.resolve(key + ".lock"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + key + " in " + dir, e);
    }
  }
}
