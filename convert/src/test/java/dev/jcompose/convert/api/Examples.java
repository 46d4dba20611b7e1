package dev.jcompose.convert.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The stacks under the repository's examples/ directory (each with a compose.yaml). */
public final class Examples {
  private Examples() {}

  public static List<Path> dirs() throws IOException {
    Path root = Path.of("../examples");
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList();
    }
  }
}
