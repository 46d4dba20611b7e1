package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageCommit;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageStore.Layer;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir Path root;

  private RegistryImageService store() {
    return new RegistryImageService(
        new RuntimePaths(root.resolve("data"), root.resolve("run")),
        RegistryConfig.of(List.of(), null),
        NativeOps.real(),
        new Platform("linux", "amd64", null));
  }

  private Path layerDir(RegistryImageService s) throws IOException {
    Path dir = s.newLayerDir();
    Files.createDirectories(dir.resolve("app/sub"));
    Files.writeString(dir.resolve("app/main.py"), "print('hi')\n");
    Files.writeString(dir.resolve("app/sub/data"), "x");
    Files.createSymbolicLink(dir.resolve("app/link"), Path.of("main.py"));
    Files.createLink(dir.resolve("app/hard"), dir.resolve("app/main.py"));
    return dir;
  }

  @Test
  void commitLayer_packsOnceWithBothDigestsAndMovesTheDirectory() throws IOException {
    RegistryImageService s = store();
    Path dir = layerDir(s);
    Layer layer = s.commitLayer(dir);
    assertThat(dir).doesNotExist();
    assertThat(layer.dir().resolve("app/main.py")).hasContent("print('hi')");
    Path blob = root.resolve("data/images/blobs/sha256").resolve(layer.digest().substring(7));
    assertThat(Digest.of(Files.readAllBytes(blob)).toString()).isEqualTo(layer.digest());
    byte[] tar;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(blob))) {
      tar = in.readAllBytes();
    }
    assertThat(Digest.of(tar).toString()).isEqualTo(layer.diffId());
    assertThat(entries(tar))
        .containsExactly(
            "app/",
            "app/hard",
            "app/link->main.py",
            "app/main.py=>app/hard",
            "app/sub/",
            "app/sub/data");
    assertThat(layer.size()).isEqualTo(13);
    assertThat(s.layer(layer.diffId())).contains(layer);
  }

  @Test
  void commitLayer_sameContentTwice_keepsOneLayer() throws IOException {
    RegistryImageService s = store();
    Layer a = s.commitLayer(layerDir(s));
    Path again = layerDir(s);
    // identical content and times: same tar, same diffID
    Files.walk(a.dir()).forEach(p -> copyTime(p, again.resolve(a.dir().relativize(p).toString())));
    Layer b = s.commitLayer(again);
    assertThat(b.diffId()).isEqualTo(a.diffId());
    assertThat(again).doesNotExist();
  }

  private static void copyTime(Path from, Path to) {
    try {
      java.nio.file.attribute.FileTime t =
          Files.getLastModifiedTime(from, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      Files.getFileAttributeView(
              to,
              java.nio.file.attribute.BasicFileAttributeView.class,
              java.nio.file.LinkOption.NOFOLLOW_LINKS)
          .setTimes(t, null, null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void store_makesAnImageThatFindAndLayersSee() throws IOException {
    RegistryImageService s = store();
    Layer layer = s.commitLayer(layerDir(s));
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"python\",\"/app/main.py\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + layer.diffId()
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    ImageHandle image = s.store("web-db-app", config, List.of(layer));
    assertThat(image.reference()).isEqualTo("docker.io/library/web-db-app:latest");
    assertThat(image.imageId()).isEqualTo(Digest.of(config).toString());
    assertThat(image.config().cmd()).containsExactly("python", "/app/main.py");
    assertThat(image.layerDirs()).containsExactly(layer.dir());
    assertThat(s.find("web-db-app")).contains(image);
    assertThat(s.layers(image)).containsExactly(layer);
    assertThat(s.config(image)).isEqualTo(config);
  }

  @Test
  void commit_storesTheChangesAsALayerOverTheBase_withTheChangesApplied() throws IOException {
    RegistryImageService s = store();
    Layer base = s.commitLayer(layerDir(s));
    byte[] baseConfig =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"A=0\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + base.diffId()
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    ImageHandle from = s.store("base", baseConfig, List.of(base));
    Path changes = root.resolve("changes.tar");
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(Files.newOutputStream(changes))) {
      TarArchiveEntry dir = new TarArchiveEntry("app/");
      tar.putArchiveEntry(dir);
      tar.closeArchiveEntry();
      byte[] data = "new\n".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("app/new.txt");
      file.setSize(data.length);
      tar.putArchiveEntry(file);
      tar.write(data);
      tar.closeArchiveEntry();
    }

    ImageHandle made =
        s.commit(
            new ImageCommit(
                "committed", from, changes, "me", "why", List.of("ENV A=1", "CMD [\"sh\"]")));

    List<Layer> layers = s.layers(made);
    assertThat(layers).hasSize(2).first().isEqualTo(base);
    // stored like a build step's layer: a gzip blob packed by the one writer, the directory kept
    assertThat(layers.get(1).mediaType()).isEqualTo(ImageWriter.LAYER_GZIP);
    assertThat(layers.get(1).dir().resolve("app/new.txt")).hasContent("new");
    assertThat(s.layer(layers.get(1).diffId())).contains(layers.get(1));
    assertThat(made.config().env()).contains("A=1").doesNotContain("A=0");
    assertThat(made.config().cmd()).containsExactly("sh");
    String config = new String(s.config(made), StandardCharsets.UTF_8);
    assertThat(config).contains("\"author\":\"me\"", "\"comment\":\"why\"", layers.get(1).diffId());
    // without a name the image is known by its id
    ImageHandle anonymous = s.commit(new ImageCommit(null, from, changes, null, null, List.of()));
    assertThat(s.find(anonymous.imageId())).contains(anonymous);
  }

  @Test
  void store_refusesAConfigThatNamesOtherLayers() throws IOException {
    RegistryImageService s = store();
    Layer layer = s.commitLayer(layerDir(s));
    byte[] config =
        "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> s.store("x", config, List.of(layer)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("image config lists diff_ids [] but the layers are");
  }

  private static List<String> entries(byte[] tar) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    try (TarArchiveInputStream in =
        new TarArchiveInputStream(new java.io.ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.add(
            e.getName()
                + (e.isSymbolicLink()
                    ? "->" + e.getLinkName()
                    : e.isLink() ? "=>" + e.getLinkName() : ""));
      }
    }
    return out;
  }
}
