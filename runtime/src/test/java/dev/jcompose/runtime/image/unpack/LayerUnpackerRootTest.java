package dev.jcompose.runtime.image.unpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.image.testing.TarBuilder;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Needs CAP_MKNOD, CAP_CHOWN and CAP_SYS_ADMIN (trusted.* xattrs). */
@Tag("root")
class LayerUnpackerRootTest {
  @TempDir Path layer;

  private void unpack(TarBuilder tar) throws IOException {
    new LayerUnpacker(NativeOps.real(), false, layer).unpack(new ByteArrayInputStream(tar.tar()));
  }

  @Test
  void unpack_whiteout_becomesOverlayCharDevice() throws IOException {
    unpack(new TarBuilder().dir("etc", 0755).file("etc/.wh.motd", "", 0644));
    Path whiteout = layer.resolve("etc/motd");
    assertThat((int) Files.getAttribute(whiteout, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
        .isEqualTo(0020000);
    assertThat(Files.getAttribute(whiteout, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0L);
    assertThat(layer.resolve("etc/.wh.motd")).doesNotExist();
  }

  @Test
  void unpack_opaqueMarker_setsTrustedXattr() throws Exception {
    unpack(
        new TarBuilder()
            .dir("var", 0755)
            .file("var/.wh..wh..opq", "", 0644)
            .file("var/kept", "k", 0644));
    assertThat(NativeOps.real().lgetxattr(layer.resolve("var"), "trusted.overlay.opaque"))
        .hasValue("y".getBytes());
    assertThat(layer.resolve("var/.wh..wh..opq")).doesNotExist();
    assertThat(layer.resolve("var/kept")).exists();
  }

  @Test
  void unpack_ownership_isPreservedIncludingSetuid() throws IOException {
    unpack(new TarBuilder().file("su", "x", 04755, 1000, 1001).symlink("link", "su"));
    Path su = layer.resolve("su");
    assertThat(Files.getAttribute(su, "unix:uid")).isEqualTo(1000);
    assertThat(Files.getAttribute(su, "unix:gid")).isEqualTo(1001);
    assertThat((int) Files.getAttribute(su, "unix:mode") & 07777).isEqualTo(04755);
  }
}
