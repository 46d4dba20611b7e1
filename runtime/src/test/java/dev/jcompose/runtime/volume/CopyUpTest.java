package dev.jcompose.runtime.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import dev.jcompose.runtime.sys.RecordingNativeOps;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy-up from hand-made layers using the markers that need no privileges (AUFS .wh. files). */
class CopyUpTest {
  @TempDir Path tmp;
  Layers l;
  Path dest;
  final RecordingNativeOps ops = new RecordingNativeOps(false);
  final CopyUp copyUp = new CopyUp(ops, Xattrs.none());

  @BeforeEach
  void setUp() throws Exception {
    l = new Layers(tmp.resolve("layers"));
    dest = Files.createDirectories(tmp.resolve("vol"));
  }

  private List<Path> layers(String... names) {
    return java.util.Arrays.stream(names).map(l::layer).toList();
  }

  @Test
  void copy_mergesLayersTopDown_upperFileWins() throws Exception {
    l.file("l1/data/a.txt", "old");
    l.file("l1/data/b.txt", "bottom");
    l.file("l2/data/a.txt", "new");
    l.file("l2/data/sub/c.txt", "c");
    assertThat(copyUp.copy(layers("l1", "l2"), "/data", dest)).isTrue();
    assertThat(dest.resolve("a.txt")).hasContent("new");
    assertThat(dest.resolve("b.txt")).hasContent("bottom");
    assertThat(dest.resolve("sub/c.txt")).hasContent("c");
  }

  @Test
  void copy_fifo_isMadeThroughTheKernelDoor_notByATool() throws Exception {
    l.file("l1/data/keep.txt", "k");
    NativeOps.real().mknod(l.layer("l1").resolve("data/pipe"), NativeOps.S_IFIFO | 0640, 0, 0);
    copyUp.copy(layers("l1"), "/data", dest);
    assertThat(ops.calls).contains("mknod " + dest.resolve("pipe") + " 010640 0:0");
  }

  @Test
  void copy_aufsWhiteoutAndOpaqueMarker_hideLowerEntries() throws Exception {
    l.file("l1/data/gone.txt", "x");
    l.file("l1/data/old/inner.txt", "x");
    l.file("l1/data/keep.txt", "k");
    l.file("l2/data/.wh.gone.txt", "");
    l.file("l2/data/old/.wh..wh..opq", "");
    l.file("l2/data/old/fresh.txt", "f");
    copyUp.copy(layers("l1", "l2"), "/data", dest);
    assertThat(dest).isDirectoryNotContaining(p -> p.getFileName().toString().equals("gone.txt"));
    assertThat(dest.resolve("keep.txt")).exists();
    assertThat(dest.resolve("old/fresh.txt")).exists();
    assertThat(dest.resolve("old/inner.txt")).doesNotExist();
    assertThat(dest.resolve("old/.wh..wh..opq")).doesNotExist();
  }

  @Test
  void copy_keepsSymlinksAsSymlinks_evenDangling() throws Exception {
    l.file("l1/data/real", "r");
    l.link("l1/data/rel", "real");
    l.link("l1/data/abs", "/etc/passwd");
    copyUp.copy(layers("l1"), "/data", dest);
    assertThat(Files.readSymbolicLink(dest.resolve("rel"))).isEqualTo(Path.of("real"));
    assertThat(Files.readSymbolicLink(dest.resolve("abs"))).isEqualTo(Path.of("/etc/passwd"));
  }

  @Test
  void copy_pathThroughSymlink_isResolvedInsideTheImage_notOnTheHost() throws Exception {
    l.file("l1/srv/app/index.html", "hi");
    l.link("l1/var/www", "/srv/app");
    l.link("l1/escape", "../../../../../../tmp");
    assertThat(copyUp.copy(layers("l1"), "/var/www", dest)).isTrue();
    assertThat(dest.resolve("index.html")).hasContent("hi");
    Path other = Files.createDirectories(tmp.resolve("vol2"));
    assertThat(copyUp.copy(layers("l1"), "/escape", other)).isFalse();
  }

  @Test
  void copy_symlinkLoop_isInvalid() {
    l.link("l1/a", "/b");
    l.link("l1/b", "/a");
    assertThatThrownBy(() -> copyUp.copy(layers("l1"), "/a", dest))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("symbolic links");
  }

  @Test
  void copy_fileInUpperLayer_hidesLowerDirectory() throws Exception {
    l.file("l1/data/x/y", "y");
    l.file("l2/data", "now a file");
    assertThat(copyUp.copy(layers("l1", "l2"), "/data", dest)).isFalse();
  }

  @Test
  void copy_imageWithoutLayers_copiesNothing() throws Exception {
    assertThat(copyUp.copy(List.of(), "/", dest)).isFalse();
  }

  @Test
  void copy_missingPath_copiesNothing() throws Exception {
    l.dir("l1/etc");
    assertThat(copyUp.copy(layers("l1"), "/var/lib/nothing", dest)).isFalse();
    assertThat(Trees.isEmptyDir(dest)).isTrue();
  }

  @Test
  void copy_keepsModesIncludingSetgidAndHardLinks() throws Exception {
    Path f = l.file("l1/data/tool", "bin");
    Files.setAttribute(f, "unix:mode", 02755);
    Files.createLink(l.layer("l1").resolve("data/tool2"), f);
    Files.setAttribute(l.dir("l1/data"), "unix:mode", 01777);
    copyUp.copy(layers("l1"), "/data", dest);
    assertThat(
            (Integer)
                    Files.getAttribute(dest.resolve("tool"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
                & 07777)
        .isEqualTo(02755);
    assertThat((Integer) Files.getAttribute(dest, "unix:mode") & 07777).isEqualTo(01777);
    assertThat(Files.isSameFile(dest.resolve("tool"), dest.resolve("tool2"))).isTrue();
  }
}
