package dev.jcompose.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.model.load.LoadedTree;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.output.ConfigRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: each {@code src/test/resources/golden/<case>/compose.yaml} must print exactly
 * {@code expected.json} (and {@code expected.yaml} where present), which is what {@code docker
 * compose -p proj --project-directory /work/proj config --format json} prints for it (written from
 * compose-go's normalisation rules; docker is not available on this machine). Set {@code
 * JCOMPOSE_GOLDEN_UPDATE=1} to rewrite the expectations.
 */
class GoldenTest {
  private static final Path ROOT = Path.of("src/test/resources/golden");
  private static final Path PROJECT_DIR = Path.of("/work/proj");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void config_json_matchesDockerCompose(String name) throws IOException {
    Path dir = ROOT.resolve(name);
    String yaml = Files.readString(dir.resolve("compose.yaml"));
    LoadedTree tree =
        new LoadedTree(
            "proj",
            PROJECT_DIR,
            List.of(PROJECT_DIR.resolve("compose.yaml")),
            Map.of("FOO", "bar", "HOME", "/root"),
            List.of(),
            YamlReader.read(yaml, "compose.yaml").get(0),
            List.of());
    Map<String, Object> model = ProjectLoader.fromTree(tree).canonical();
    compare(
        ConfigRenderer.render(model, ConfigRenderer.Format.JSON, true),
        dir.resolve("expected.json"),
        true);
    compare(
        ConfigRenderer.render(model, ConfigRenderer.Format.YAML, true),
        dir.resolve("expected.yaml"),
        false);
  }

  /** JSON expectations are mandatory; YAML ones are checked where a case has them. */
  private static void compare(String actual, Path expected, boolean mandatory) throws IOException {
    if (System.getenv("JCOMPOSE_GOLDEN_UPDATE") != null && (mandatory || Files.exists(expected))) {
      Files.writeString(expected, actual);
    }
    if (mandatory || Files.exists(expected)) {
      assertThat(actual).isEqualTo(Files.readString(expected));
    }
  }
}
