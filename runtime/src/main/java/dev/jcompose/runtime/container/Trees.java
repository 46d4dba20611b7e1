package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Recursive delete that never follows symlinks (the layer links point into the image store). */
final class Trees {
  private Trees() {}

  static void deleteRecursively(Path root) {
    if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(root, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.deleteIfExists(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
          if (exc instanceof NoSuchFileException) {
            return FileVisitResult.CONTINUE;
          }
          throw exc;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
          Files.deleteIfExists(dir);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot remove " + root + ": " + e.getMessage(), e);
    }
  }
}
