package dev.jcompose.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.sys.NativeOps;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlay-style markers and ownership need root: char 0/0 whiteouts, trusted.* xattrs, chown. */
@Tag("root")
class CopyUpRootTest {
  private static final NativeOps FS = NativeOps.real();

  @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ALWAYS)
  Path tmp;

  @Test
  void populateFromImage_overlayWhiteoutsOpaqueDirsOwnersAndXattrs() throws Exception {
    Layers l = new Layers(tmp.resolve("layers"));
    l.file("l1/var/lib/db/gone", "x");
    l.file("l1/var/lib/db/old/inner", "x");
    l.file("l1/var/lib/db/keep", "k");
    Path data = l.dir("l2/var/lib/db");
    Layers.run("mknod", data.resolve("gone").toString(), "c", "0", "0");
    Path old = l.dir("l2/var/lib/db/old");
    FS.lsetxattr(old, "trusted.overlay.opaque", "y".getBytes());
    l.file("l2/var/lib/db/old/fresh", "f");
    Path owned = l.file("l2/var/lib/db/owned", "o");
    Files.setAttribute(owned, "unix:uid", 999);
    Files.setAttribute(owned, "unix:gid", 998);
    Files.setAttribute(data, "unix:uid", 70);
    Files.setAttribute(data, "unix:mode", 0700);
    FS.lsetxattr(owned, "user.note", "hello".getBytes());
    Layers.run("mknod", data.resolve("pipe").toString(), "p");

    LocalVolumeService volumes =
        new LocalVolumeService(new RuntimePaths(tmp.resolve("data"), tmp.resolve("run")));
    var volume = volumes.ensure("proj_db", Map.of());
    ImageHandle image =
        new ImageHandle(
            "test/db:1", "sha256:00", "sha256:01", List.of(l.layer("l1"), l.layer("l2")), null, 0);
    volumes.populateFromImage("proj_db", image, "/var/lib/db");

    Path d = volume.dataDir();
    assertThat(d.resolve("gone")).doesNotExist();
    assertThat(d.resolve("keep")).hasContent("k");
    assertThat(d.resolve("old/fresh")).exists();
    assertThat(d.resolve("old/inner")).doesNotExist();
    assertThat(Files.getAttribute(d.resolve("owned"), "unix:uid")).isEqualTo(999);
    assertThat(Files.getAttribute(d.resolve("owned"), "unix:gid")).isEqualTo(998);
    assertThat(Files.getAttribute(d, "unix:uid")).isEqualTo(70);
    assertThat((Integer) Files.getAttribute(d, "unix:mode") & 07777).isEqualTo(0700);
    assertThat(FS.lgetxattr(d.resolve("owned"), "user.note")).hasValue("hello".getBytes());
    assertThat(FS.llistxattr(d.resolve("old"))).doesNotContain("trusted.overlay.opaque");
    assertThat(
            Files.readAttributes(
                    d.resolve("pipe"),
                    java.nio.file.attribute.BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS)
                .isOther())
        .isTrue();

    Files.writeString(d.resolve("keep"), "changed");
    volumes.populateFromImage("proj_db", image, "/var/lib/db");
    assertThat(d.resolve("keep")).hasContent("changed");
  }
}
