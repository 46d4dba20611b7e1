package dev.jcompose.convert.kube;

import dev.jcompose.convert.api.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every compose file the acceptance tier converts: the examples, convert's golden cases, the
 * real-world corpus (stacks written after common public ones) and the fixtures of the other
 * modules' tests (compose-model's golden cases, the end-to-end scenarios).
 */
public final class ComposeCorpus {
  private ComposeCorpus() {}

  /** Directories holding a compose.yaml, in a stable order. */
  public static List<Path> all() throws IOException {
    List<Path> out = new ArrayList<>(Examples.dirs());
    for (String root :
        List.of(
            "src/test/resources/golden",
            "src/test/resources/corpus",
            "../compose-model/src/test/resources/golden",
            "../e2e/src/test/resources/fixtures")) {
      out.addAll(dirs(Path.of(root)));
    }
    return out;
  }

  public static List<Path> corpus() throws IOException {
    return dirs(Path.of("src/test/resources/corpus"));
  }

  private static List<Path> dirs(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("compose.yaml"))).sorted().toList();
    }
  }
}
