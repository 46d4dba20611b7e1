package dev.jcompose.scheduler.state;

import dev.jcompose.common.fs.FileLocks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One lock per project so two verbs on the same project serialise, in this engine and against a
 * second engine process: {@code <runRoot>/locks/<project>.lock} through {@link FileLocks}.
 */
public final class ProjectLocks {
  private final Path dir;

  public ProjectLocks(Path dir) {
    this.dir = dir;
  }

  /** Held until closed. */
  public AutoCloseable lock(String project) {
    try {
      return FileLocks.acquire(dir.resolve(project + ".lock"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock project " + project, e);
    }
  }
}
