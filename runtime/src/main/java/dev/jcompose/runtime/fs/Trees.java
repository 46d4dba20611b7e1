package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Directory-tree helpers shared by images, containers and volumes. Removal never follows a symlink
 * and never crosses a mount point, even while a running container swaps directories of a volume for
 * symlinks to host paths ({@link TreeRemover}).
 */
public final class Trees {
  private Trees() {}

  /**
   * Deletes {@code root} and everything below it; a missing root or entries vanishing meanwhile are
   * fine. Fails, leaving the rest in place, at a mount point inside the tree.
   */
  public static void deleteRecursively(Path root) throws IOException {
    deleteRecursively(NativeOps.real(), root);
  }

  /** {@link #deleteRecursively(Path)} through the caller's kernel door. */
  public static void deleteRecursively(NativeOps ops, Path root) throws IOException {
    new TreeRemover(ops).remove(root);
  }

  /**
   * Writes out the whole file system {@code dir} is on (syncfs(2)): one call makes a freshly
   * written tree durable before a rename publishes it, where an fsync per file would cost one disk
   * flush each.
   */
  public static void syncFileSystem(Path dir) throws IOException {
    NativeOps ops = NativeOps.real();
    int fd = ops.openDirectory(dir);
    try {
      ops.syncfs(fd);
    } finally {
      ops.close(fd);
    }
  }

  public static boolean isEmptyDir(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
