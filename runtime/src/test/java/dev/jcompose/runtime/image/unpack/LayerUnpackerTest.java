package dev.jcompose.runtime.image.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.image.testing.TarBuilder;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerUnpackerTest {
  @TempDir Path temp;
  private Path store;
  private Path layer;
  private Path outside;

  @BeforeEach
  void setUp() throws IOException {
    store = Files.createDirectory(temp.resolve("store"));
    layer = Files.createDirectory(store.resolve("layer"));
    outside = Files.createDirectory(temp.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "secret");
  }

  private long unpack(TarBuilder tar) throws IOException {
    return new LayerUnpacker(NativeOps.real(), false, layer)
        .unpack(new ByteArrayInputStream(tar.tar()));
  }

  private void assertRefused(TarBuilder tar, String... messageParts) throws IOException {
    assertThatThrownBy(() -> unpack(tar))
        .isInstanceOf(ContainerException.class)
        .hasMessageContainingAll(messageParts);
    assertThat(listNames(temp)).containsExactlyInAnyOrder("store", "outside");
    assertThat(listNames(outside)).containsExactly("secret");
    assertThat(Files.readString(outside.resolve("secret"))).isEqualTo("secret");
  }

  private static Stream<String> listNamesStream(Path dir) throws IOException {
    return Files.list(dir).map(p -> p.getFileName().toString());
  }

  private static java.util.List<String> listNames(Path dir) throws IOException {
    try (Stream<String> s = listNamesStream(dir)) {
      return s.toList();
    }
  }

  @Test
  void unpack_dotDotName_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().file("a/../../escaped", "x", 0644),
        "'a/../../escaped'",
        "climbs out of the layer");
  }

  @Test
  void unpack_dotDotInsideTheLayer_isCleanedAsDockerDoes() throws IOException {
    unpack(new TarBuilder().file("a/../b", "x", 0644));
    assertThat(Files.readString(layer.resolve("b"))).isEqualTo("x");
    assertThat(layer.resolve("a")).doesNotExist();
  }

  @Test
  void unpack_absoluteName_landsInsideTheLayer() throws IOException {
    Path target = temp.resolve("abs-escape");
    unpack(new TarBuilder().file(target.toString(), "x", 0644));
    assertThat(target).doesNotExist();
    assertThat(Files.readString(layer.resolve(temp.toString().substring(1)).resolve("abs-escape")))
        .isEqualTo("x");
    assertThat(listNames(outside)).containsExactly("secret");
  }

  @Test
  void unpack_fileThroughSymlinkedParent_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().symlink("evil", outside.toString()).file("evil/pwned", "x", 0644),
        "'evil/pwned'",
        "parent 'evil' is a symlink");
  }

  @Test
  void unpack_fileThroughRelativeSymlink_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().symlink("evil", "../../outside").file("evil/secret", "overwritten", 0644),
        "is a symlink");
  }

  @Test
  void unpack_hardLinkOutside_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().hardlink("h", "../../outside/secret"),
        "hard link target",
        "climbs out of the layer");
  }

  @Test
  void unpack_hardLinkToAbsolutePathOutside_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().hardlink("h", outside.resolve("secret").toString()),
        "'h'",
        "does not exist in the layer");
  }

  @Test
  void unpack_hardLinkToAbsolutePathOfTheLayer_linksInsideIt() throws IOException {
    unpack(
        new TarBuilder()
            .dir("etc", 0755)
            .file("etc/passwd", "image's own", 0644)
            .hardlink("h", "/etc/passwd"));
    assertThat(Files.isSameFile(layer.resolve("h"), layer.resolve("etc/passwd"))).isTrue();
  }

  @Test
  void unpack_hardLinkThroughSymlink_isRefused() throws IOException {
    assertRefused(
        new TarBuilder().symlink("d", outside.toString()).hardlink("h", "d/secret"),
        "'h'",
        "is a symlink");
  }

  @Test
  void unpack_hardLinkToMissingEntry_isRefused() throws IOException {
    assertRefused(new TarBuilder().hardlink("h", "nothing"), "not a file of this layer");
  }

  @Test
  void unpack_deviceWhereMknodCannotWork_isSkippedAsDockerSkipsIt() throws IOException {
    unpack(new TarBuilder().charDevice("dev/mem", 1, 1).file("after", "a", 0644));
    assertThat(Files.exists(layer.resolve("dev/mem"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(layer.resolve("after")).exists();
  }

  @Test
  void unpack_regularTree_keepsModesLinksAndMtimes() throws IOException {
    long size =
        unpack(
            new TarBuilder()
                .dir("bin", 0755)
                .file("bin/tool", "#!/bin/sh\n", 04755)
                .symlink("bin/alias", "tool")
                .hardlink("bin/same", "bin/tool")
                .dir("ro", 0555)
                .file("ro/inside", "ok", 0444)
                .file("replace", "first", 0644)
                .file("replace", "second", 0600)
                .fifo("pipe"));
    Path tool = layer.resolve("bin/tool");
    assertThat(Files.getAttribute(tool, "unix:mode")).isEqualTo(0100000 | 04755);
    assertThat(Files.getLastModifiedTime(tool).toMillis()).isEqualTo(1_600_000_000_000L);
    assertThat(Files.readSymbolicLink(layer.resolve("bin/alias"))).isEqualTo(Path.of("tool"));
    assertThat(Files.isSameFile(tool, layer.resolve("bin/same"))).isTrue();
    assertThat((int) Files.getAttribute(layer.resolve("ro"), "unix:mode") & 07777).isEqualTo(0555);
    assertThat(Files.readString(layer.resolve("ro/inside"))).isEqualTo("ok");
    assertThat(Files.readString(layer.resolve("replace"))).isEqualTo("second");
    assertThat(
            (int) Files.getAttribute(layer.resolve("pipe"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
                & 0170000)
        .isEqualTo(0010000);
    assertThat(size).isEqualTo(10 + 2 + 5 + 6);
  }

  @Test
  void unpack_paxXattr_isApplied() throws IOException {
    unpack(new TarBuilder().withXattr("f", "x", "user.jcompose", "hello"));
    UserDefinedFileAttributeView view =
        Files.getFileAttributeView(layer.resolve("f"), UserDefinedFileAttributeView.class);
    ByteBuffer buffer = ByteBuffer.allocate(16);
    view.read("jcompose", buffer);
    assertThat(new String(buffer.array(), 0, buffer.position())).isEqualTo("hello");
  }
}
