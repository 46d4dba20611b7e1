package dev.jcompose.runtime.volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Builds hand-made unpacked layer directories for tests. */
final class Layers {
  private final Path root;

  Layers(Path root) {
    this.root = root;
  }

  Path layer(String name) {
    return dir(name);
  }

  Path dir(String path) {
    try {
      return Files.createDirectories(root.resolve(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String path, String content) {
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      return Files.writeString(p, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path link(String path, String target) {
    try {
      Path p = root.resolve(path);
      Files.createDirectories(p.getParent());
      return Files.createSymbolicLink(p, Path.of(target));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a host tool (mknod) that Java cannot replace; root tests only. */
  static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("failed: " + List.of(command));
    }
  }
}
