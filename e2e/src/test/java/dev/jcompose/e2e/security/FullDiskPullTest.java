package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.Jcompose.Result;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A pull into a data root that runs out of space: a small ext4 file system, loop-mounted by the
 * test as the data root, too small for the images. The pull must fail with "no space left on
 * device" naming what it was writing, and leave no partial blob, layer or image record behind.
 */
@Tag("security")
@Tag("root")
class FullDiskPullTest {
  private Jcompose jc;
  private Path data;
  private boolean mounted;

  @BeforeEach
  void project() throws IOException {
    jc = Jcompose.fixture("fulldisk");
    data = Files.createDirectories(jc.root.resolve("data"));
  }

  /** Mounts a fresh ext4 file system of {@code mib} MiB as the data root. */
  private void mountDataRoot(int mib) throws Exception {
    Path image = jc.root.resolve("disk.img");
    run("truncate", "-s", mib + "M", image.toString());
    run("mkfs.ext4", "-q", "-F", image.toString());
    run("mount", "-o", "loop", image.toString(), data.toString());
    mounted = true;
  }

  @AfterEach
  void unmount() throws Exception {
    try {
      jc.run(120, "down", "-v", "-t", "1");
      jc.run(60, "engine", "stop");
    } finally {
      if (mounted) {
        run("umount", data.toString()); // mount -o loop made the loop device autoclear: it goes too
      }
      Jcompose.deleteTree(jc.root);
      // this test's own leftovers: its temp root, its project's links, cgroups and rules
      assertThat(HostChecks.leaksMentioning(jc.root.toString(), "fulldisk")).isEmpty();
    }
  }

  @Test
  void pull_layersLargerThanTheDisk_failsNamingTheBlob_andKeepsNoPartialFile() throws Exception {
    mountDataRoot(64); // postgres' two ~48 MB blobs do not both fit
    Result pull = jc.run(300, "pull", "db");

    assertThat(pull.exitCode()).as(pull.stderr()).isEqualTo(1);
    // the layers download in parallel: whichever write meets the full disk first, the second big
    // blob's or the first one's unpacking (when it arrived whole first), is the one named
    assertThat(pull.stderr())
        .containsIgnoringCase("no space left on device")
        .containsAnyOf("cannot write blob sha256:", "cannot unpack into")
        .doesNotContain("Exception", "\tat ");
    assertNothingPartial();
  }

  @Test
  void up_layersLargerThanTheDiskUnpacked_failsNamingTheLayer_andKeepsNoPartialLayer()
      throws Exception {
    mountDataRoot(100); // redis' 54 MB of blobs fit, its 127 MB base layer unpacked does not
    Result up = jc.run(300, "up", "-d", "cache");

    assertThat(up.exitCode()).as(up.stderr()).isNotZero();
    assertThat(up.stderr())
        .containsIgnoringCase("no space left on device")
        .contains("cannot unpack into")
        .doesNotContain("Exception", "\tat ");
    assertNothingPartial();
    assertThat(jc.run("ps", "-a", "-q").stdout()).isBlank();
  }

  /**
   * No scratch file, no image record; every stored blob whole (it hashes to its name) and every
   * layer directory complete (the layers that fitted stay, as docker keeps the layers it got).
   */
  private void assertNothingPartial() throws Exception {
    Path images = data.resolve("images");
    assertThat(list(images.resolve("tmp"))).isEmpty();
    for (Path layer : list(images.resolve("layers"))) {
      assertThat(images.resolve("layer-sizes").resolve(layer.getFileName()))
          .as("size of layer %s", layer.getFileName())
          .isRegularFile();
    }
    for (Path blob : list(images.resolve("blobs/sha256"))) {
      assertThat(sha256(blob))
          .as("blob %s", blob.getFileName())
          .isEqualTo(blob.getFileName().toString());
    }
    assertThat(jc.run("images", "-q").stdout()).isBlank();
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }
}
