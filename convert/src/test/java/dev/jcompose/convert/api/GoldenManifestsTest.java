package dev.jcompose.convert.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases: each {@code src/test/resources/golden/<case>/compose.yaml} converts to exactly
 * {@code expected.yaml} with exactly the findings of {@code expected-findings.txt}; the examples
 * shipped in {@code examples/} are cases too. The API-server tier ({@code ApiServerAcceptanceTest})
 * checks the same manifests against a real kube-apiserver. {@code JCOMPOSE_GOLDEN_UPDATE=1}
 * rewrites the expectations (review the diff).
 */
class GoldenManifestsTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Path> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return Stream.concat(dirs.sorted().toList().stream(), Examples.dirs().stream());
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void convert_matchesGoldenManifestsAndFindings(Path dir) throws IOException {
    Conversion c = Fixtures.convert(dir);
    Path expected = expectations(dir);
    compare(c.yaml(), expected.resolve("expected.yaml"));
    String prefix = dir.toAbsolutePath().normalize() + "/";
    compare(
        c.findings().stream()
            .map(f -> f.toString().replace(prefix, "") + "\n")
            .collect(Collectors.joining()),
        expected.resolve("expected-findings.txt"));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void convert_twice_isByteIdentical(Path dir) {
    assertThat(Fixtures.convert(dir).yaml()).isEqualTo(Fixtures.convert(dir).yaml());
  }

  /** Examples keep their expectations here, not in examples/. */
  private static Path expectations(Path dir) throws IOException {
    Path out =
        dir.startsWith(GOLDEN) ? dir : GOLDEN.resolveSibling("examples").resolve(dir.getFileName());
    Files.createDirectories(out);
    return out;
  }

  private static void compare(String actual, Path expected) throws IOException {
    if (System.getenv("JCOMPOSE_GOLDEN_UPDATE") != null) {
      Files.writeString(expected, actual);
    }
    assertThat(actual).isEqualTo(Files.readString(expected));
  }
}
