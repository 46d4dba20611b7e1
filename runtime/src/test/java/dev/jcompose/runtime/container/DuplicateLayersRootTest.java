package dev.jcompose.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ImageHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An image may list one layer twice (two build steps with identical changes); overlayfs takes each
 * dir once.
 */
@Tag("root")
class DuplicateLayersRootTest extends RuntimeFixture {

  @Test
  void create_sameLayerTwice_runs() throws Exception {
    Path extra = Files.createDirectories(root.resolve("extra/app"));
    Files.writeString(extra.resolve("x"), "x\n");
    Path layer = extra.getParent();
    List<Path> dirs = List.of(image.layerDirs().get(0), layer, image.layerDirs().get(0), layer);
    ImageHandle twice =
        new ImageHandle(
            image.reference(), image.digest(), image.imageId(), dirs, image.config(), 0);
    assertThat(runToExit(Specs.spec("dup", twice, "cat", "/app/x")).exitCode()).isZero();
    assertThat(logs("dup")).extracting(l -> l.text()).containsExactly("x");
  }
}
