package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Path;

/** The shared tree delete, failing as a {@link ContainerException} for the runtime's callers. */
final class Trees {
  private Trees() {}

  static void deleteRecursively(Path root) {
    try {
      dev.jcompose.runtime.fs.Trees.deleteRecursively(root);
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
