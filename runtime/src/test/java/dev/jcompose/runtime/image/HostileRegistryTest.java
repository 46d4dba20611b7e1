package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.image.testing.FakeRegistry;
import dev.jcompose.runtime.image.testing.TarBuilder;
import dev.jcompose.runtime.sys.ForwardingNativeOps;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry (or whoever sits between it and us on plain http) serving what the manifest does not
 * promise: oversized manifests, layers longer than their descriptor, bodies with another digest,
 * and stored blobs damaged by a crash. Nothing unverified may be unpacked or kept.
 */
@Tag("security")
class HostileRegistryTest {
  private static final byte[] BASE =
      new TarBuilder().dir("bin", 0755).file("bin/hello", "hi\n", 0755).tar();
  private static final byte[] TOP =
      new TarBuilder().dir("etc", 0755).file("etc/app.conf", "x=1\n", 0644).tar();
  @TempDir Path root;
  private FakeRegistry registry;
  private String ref;
  private final AtomicInteger fsCalls = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    registry = new FakeRegistry();
    registry.addImage("team/app", "1", List.of(BASE, TOP), "");
    ref = registry.authority() + "/team/app:1";
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryImageService service() {
    return new RegistryImageService(
        new RuntimePaths(root.resolve("data"), root.resolve("run")),
        RegistryConfig.of(List.of(), null),
        countingOps(),
        new Platform("linux", "amd64", null));
  }

  private Path images() {
    return root.resolve("data/images");
  }

  private static String layerDigest(byte[] tar) {
    return Digest.of(TarBuilder.gzip(tar)).toString();
  }

  @Test
  void manifestOverFourMiB_announced_isRefusedUnread() {
    registry.serveManifest("team/app", "big", new byte[(4 << 20) + 1], false);

    assertThatThrownBy(() -> service().pull(registry.authority() + "/team/app:big", null))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("manifest big")
        .hasMessageContaining("larger than 4194304 bytes")
        .extracting(e -> ((ContainerException) e).kind())
        .isEqualTo(Kind.INVALID);
  }

  @Test
  void manifestOverFourMiB_streamedWithoutLength_isRefusedPastTheLimit() {
    registry.serveManifest("team/app", "endless", new byte[64 << 20], true);

    assertThatThrownBy(() -> service().pull(registry.authority() + "/team/app:endless", null))
        .hasMessageContaining("larger than 4194304 bytes");
    assertThat(images().resolve("blobs")).doesNotExist();
  }

  @Test
  void layerLongerThanItsDescriptor_isRefusedWhileStreaming_andNothingIsKept() throws IOException {
    registry.lengthenBlob("team/app", layerDigest(TOP), 1 << 20);

    assertThatThrownBy(() -> service().pull(ref, null))
        .hasMessageContaining(
            "is larger than the " + TarBuilder.gzip(TOP).length + " bytes the manifest says");
    assertNothingOfTheLayerKept(TOP);
  }

  @Test
  void layerWithAnotherDigest_isNeverUnpacked() throws IOException {
    // a well-formed layer, just not the one the manifest names: before, it was unpacked (into a
    // scratch directory) and only then found out
    byte[] other =
        TarBuilder.gzip(new TarBuilder().dir("etc", 0755).file("etc/evil", "x", 04755).tar());
    registry.corruptBlob("team/app", layerDigest(TOP), other);

    assertThatThrownBy(() -> service().pull(ref, null))
        .hasMessageContaining("but the expected digest was '" + layerDigest(TOP) + "'");

    assertThat(fsCalls.get()).as("unpacker calls on the top layer's etc").isZero();
    assertNothingOfTheLayerKept(TOP);
  }

  @Test
  void truncatedLayerBody_isRefused_andNothingIsKept() throws IOException {
    registry.truncateBlob("team/app", layerDigest(TOP), 40);

    assertThatThrownBy(() -> service().pull(ref, null))
        .hasMessageContaining("(40 bytes) but the expected digest was '" + layerDigest(TOP) + "'");
    assertNothingOfTheLayerKept(TOP);
  }

  @Test
  void storedLayerBlobTruncatedByACrash_isDetectedAndFetchedAgain() throws IOException {
    service().pull(ref, null);
    String digest = layerDigest(TOP);
    Path blob = images().resolve("blobs/sha256").resolve(digest.substring(7));
    // what a power loss before the blob reached the disk leaves: a name with fewer bytes, and no
    // unpacked layer (its rename came later)
    try (FileChannel ch = FileChannel.open(blob, StandardOpenOption.WRITE)) {
      ch.truncate(10);
    }
    deleteLayerDir(TOP);
    int before = registry.hits("/v2/team/app/blobs/" + digest);

    ImageHandle image = service().pull(ref, null);

    assertThat(registry.hits("/v2/team/app/blobs/" + digest)).isEqualTo(before + 1);
    assertThat(Files.size(blob)).isEqualTo(TarBuilder.gzip(TOP).length);
    assertThat(Files.readString(image.layerDirs().get(1).resolve("etc/app.conf")))
        .isEqualTo("x=1\n");
  }

  @Test
  void storedConfigDamaged_imageCountsAsAbsent_andThePullRestoresIt() throws IOException {
    ImageHandle first = service().pull(ref, null);
    Path config = images().resolve("blobs/sha256").resolve(first.imageId().substring(7));
    Files.write(config, new byte[] {'{', '}'});

    assertThat(service().find(ref)).isEmpty();
    assertThat(service().pull(ref, null).imageId()).isEqualTo(first.imageId());
    assertThat(service().find(ref)).isPresent();
  }

  @Test
  void scratchLeftByAKilledPull_isSweptOnStart_butALivePullsIsKept() throws IOException {
    Path tmp = Files.createDirectories(images().resolve("tmp"));
    long dead = deadPid();
    Files.writeString(tmp.resolve("ingest-" + dead + "-x"), "half a blob");
    Files.createDirectories(tmp.resolve("unpack-" + dead + "-y/usr/lib"));
    Path live =
        Files.writeString(
            tmp.resolve("ingest-" + ProcessHandle.current().pid() + "-z"), "being written");

    service();

    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).containsExactly(live);
    }
  }

  private void assertNothingOfTheLayerKept(byte[] tar) throws IOException {
    assertThat(images().resolve("blobs/sha256").resolve(layerDigest(tar).substring(7)))
        .doesNotExist();
    assertThat(images().resolve("layers").resolve(Digest.of(tar).hex())).doesNotExist();
    try (Stream<Path> tmp = Files.list(images().resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
    assertThat(service().find(ref)).isEmpty();
  }

  private void deleteLayerDir(byte[] tar) throws IOException {
    dev.jcompose.runtime.fs.Trees.deleteRecursively(
        images().resolve("layers").resolve(Digest.of(tar).hex()));
  }

  private static long deadPid() {
    long pid = 4_000_000; // above pid_max's ceiling (2^22): no process has it
    return ProcessHandle.of(pid).isPresent() ? pid + 1 : pid;
  }

  private NativeOps countingOps() {
    return new ForwardingNativeOps(NativeOps.real()) {
      @Override
      public void mknod(Path path, int mode, int major, int minor) throws IOException {
        count(path);
        super.mknod(path, mode, major, minor);
      }

      @Override
      public void lchown(Path path, long uid, long gid) throws IOException {
        count(path);
        super.lchown(path, uid, gid);
      }

      @Override
      public void chmod(Path path, int mode) throws IOException {
        count(path);
        super.chmod(path, mode);
      }

      @Override
      public void lsetxattr(Path path, String name, byte[] value) throws IOException {
        count(path);
        super.lsetxattr(path, name, value);
      }

      @Override
      public void setTimes(Path path, long epochSeconds, long nanos) throws IOException {
        count(path);
        super.setTimes(path, epochSeconds, nanos);
      }
    };
  }

  /** Counts calls on the top layer's entries (only it has an etc). */
  private void count(Path path) {
    if (path.toString().contains("/etc")) {
      fsCalls.incrementAndGet();
    }
  }
}
