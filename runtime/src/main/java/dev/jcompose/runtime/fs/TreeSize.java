package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.stream.Stream;

/**
 * The bytes of the regular files below a directory a container may be writing to (its upper dir, a
 * volume): walked through descriptors like {@link ChangeScanner}, so a directory swapped for a
 * symlink while we count is never followed.
 */
public final class TreeSize {
  private TreeSize() {}

  /** 0 when {@code dir} does not exist. */
  public static long of(NativeOps ops, Path dir) {
    try (Fd root =
        Fd.open(
            ops,
            null,
            dir.toString(),
            NativeOps.O_PATH | NativeOps.O_DIRECTORY | NativeOps.O_NOFOLLOW,
            0,
            0)) {
      return walk(root);
    } catch (IOException e) {
      return 0;
    }
  }

  private static long walk(Fd dir) throws IOException {
    List<String> names;
    try (Stream<Path> s = Files.list(dir.path())) {
      names = s.map(p -> p.getFileName().toString()).toList();
    }
    long total = 0;
    for (String name : names) {
      try {
        BasicFileAttributes a =
            Files.readAttributes(
                dir.entry(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (a.isRegularFile()) {
          total += a.size();
        } else if (a.isDirectory()) {
          try (Fd sub = dir.child(name, NativeOps.O_PATH | NativeOps.O_DIRECTORY)) {
            total += walk(sub);
          }
        }
      } catch (NoSuchFileException e) {
        // gone meanwhile
      }
    }
    return total;
  }
}
