package dev.jcompose.model.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * develop.watch paths: the symbolic-link part resolved as compose-go's ResolveSymbolicLink does.
 */
class DevelopTest {
  @TempDir Path dir;

  @Test
  void resolveLink_linkedDirectory_replacedByItsTarget_restKept() throws Exception {
    Path real = Files.createDirectories(dir.resolve("real/app"));
    Files.createSymbolicLink(dir.resolve("link"), real);

    assertThat(Develop.resolveLink(dir.resolve("link/src").toString()))
        .isEqualTo(real.toRealPath().resolve("src").toString());
  }

  @Test
  void resolveLink_noLink_orMissingPath_unchanged() {
    assertThat(Develop.resolveLink(dir.resolve("plain/src").toString()))
        .isEqualTo(dir.resolve("plain/src").toString());
    assertThat(Develop.resolveLink("/work/proj/src")).isEqualTo("/work/proj/src");
  }
}
