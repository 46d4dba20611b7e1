package dev.jcompose.common.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstanceHashTest {
  @Test
  void isTheFirst8HexOfTheSha256OfTheNormalisedAbsolutePath() {
    // printf %s /var/lib/jcompose | sha256sum: names on hosts depend on this exact value
    assertThat(InstanceHash.of(Path.of("/var/lib/jcompose"))).isEqualTo("0a26d598");
  }

  @Test
  void theSameDirectorySpelledTwoWays_hasOneHash() {
    assertThat(InstanceHash.of(Path.of("/var/lib/./x/../jcompose")))
        .isEqualTo(InstanceHash.of(Path.of("/var/lib/jcompose")));
    assertThat(InstanceHash.of(Path.of("rel")))
        .isEqualTo(InstanceHash.of(Path.of("rel").toAbsolutePath()))
        .matches("[0-9a-f]{8}");
  }

  @Test
  void twoRoots_twoHashes() {
    assertThat(InstanceHash.of(Path.of("/tmp/a"))).isNotEqualTo(InstanceHash.of(Path.of("/tmp/b")));
  }
}
