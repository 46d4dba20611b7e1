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
    new LayerUnpacker(NativeOps.real(), true, layer).unpack(new ByteArrayInputStream(tar.tar()));
  }

  private String xattr(Path path, String name) throws IOException {
    return NativeOps.real()
        .lgetxattr(path, name)
        .map(v -> new String(v, java.nio.charset.StandardCharsets.UTF_8))
        .orElse("");
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

  @Test
  void unpack_forgedOverlayXattrs_areDropped_othersKept() throws Exception {
    unpack(
        new TarBuilder()
            .withXattr("redirected", "x", "trusted.overlay.redirect", "/etc")
            .withXattr("opaque", "x", "trusted.overlay.opaque", "y")
            .withXattr("origin", "x", "trusted.overlay.origin", "forged")
            .withXattr("capable", "x", "user.kept", "yes"));
    assertThat(xattr(layer.resolve("redirected"), "trusted.overlay.redirect")).isEmpty();
    assertThat(xattr(layer.resolve("opaque"), "trusted.overlay.opaque")).isEmpty();
    assertThat(xattr(layer.resolve("origin"), "trusted.overlay.origin")).isEmpty();
    assertThat(xattr(layer.resolve("capable"), "user.kept")).isEqualTo("yes");
  }

  @Test
  void unpack_deviceNodes_areMadeAsDockerMakesThem() throws IOException {
    unpack(new TarBuilder().charDevice("dev/null2", 1, 3));
    Path dev = layer.resolve("dev/null2");
    assertThat((int) Files.getAttribute(dev, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
        .isEqualTo(0020000);
    assertThat(Files.getAttribute(dev, "unix:rdev", LinkOption.NOFOLLOW_LINKS)).isEqualTo(0x103L);
  }
}
