package dev.jcompose.runtime.image.content;

import dev.jcompose.runtime.fs.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code <images>/tmp}: where blobs are written and layers unpacked before they are renamed into
 * place (same file system, so the rename is atomic). Every entry is named {@code
 * <kind>-<pid>-<random>} after the process writing it: a process killed mid-pull (SIGKILL, power
 * loss) leaves its entries behind, and {@link #sweep} removes those whose process is gone, while
 * the entries of pulls still running in other processes stay.
 */
public final class ScratchDir {
  private static final Pattern NAME = Pattern.compile("[a-z]+-(\\d+)-.*");
  private static final long PID = ProcessHandle.current().pid();
  private final Path dir;

  public ScratchDir(Path dir) {
    this.dir = dir;
  }

  /**
   * A fresh name for {@code kind} (ingest, unpack, delete) in this directory, which is created if
   * missing.
   */
  public Path newPath(String kind) throws IOException {
    Files.createDirectories(dir);
    return dir.resolve(kind + "-" + PID + "-" + UUID.randomUUID());
  }

  /** Removes what dead processes left; entries of live ones (this one included) are kept. */
  public void sweep() {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : (Iterable<Path>) entries::iterator) {
        if (isOrphan(entry.getFileName().toString())) {
          Trees.deleteRecursively(entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + dir + " of interrupted pulls", e);
    }
  }

  static boolean isOrphan(String name) {
    Matcher m = NAME.matcher(name);
    // names of another form were not made by this class: an older version's; nothing writes them
    // any more
    return !m.matches() || ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty();
  }
}
