package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.fs.Trees;
import java.io.IOException;
import java.nio.file.Path;

/** The shared tree delete, failing as a {@link ContainerException} for the runtime's callers. */
final class ContainerTrees {
  private ContainerTrees() {}

  static void deleteRecursively(Path root) {
    try {
      Trees.deleteRecursively(root);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
