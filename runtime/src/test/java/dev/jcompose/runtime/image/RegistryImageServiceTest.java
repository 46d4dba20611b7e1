package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.image.testing.FakeRegistry;
import dev.jcompose.runtime.image.testing.TarBuilder;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryImageServiceTest {
  private static final byte[] BASE =
      new TarBuilder().dir("bin", 0755).file("bin/hello", "hi\n", 0755).tar();
  private static final byte[] TOP =
      new TarBuilder().dir("etc", 0755).file("etc/app.conf", "x=1\n", 0644).tar();
  @TempDir Path root;
  private FakeRegistry registry;
  private String ref;

  @BeforeEach
  void start() throws IOException {
    registry = new FakeRegistry();
    registry.addImage(
        "team/app", "1", List.of(BASE, TOP), "\"Entrypoint\":[\"/bin/hello\"],\"Env\":[\"A=1\"]");
    ref = registry.authority() + "/team/app:1";
  }

  @AfterEach
  void stop() {
    registry.close();
  }

  private RegistryImageService service(List<URI> mirrors) {
    return new RegistryImageService(
        new RuntimePaths(root.resolve("data"), root.resolve("run")),
        RegistryConfig.of(mirrors, null),
        NativeOps.real(),
        new Platform("linux", "amd64", null));
  }

  private Path images() {
    return root.resolve("data/images");
  }

  @Test
  void pull_loopbackRegistry_unpacksLayersBottomFirst() throws IOException {
    ImageHandle image = service(List.of()).pull(ref, null);
    assertThat(image.reference()).isEqualTo(ref);
    assertThat(image.layerDirs()).hasSize(2);
    assertThat(Files.readString(image.layerDirs().get(0).resolve("bin/hello"))).isEqualTo("hi\n");
    assertThat(image.layerDirs().get(1).resolve("etc/app.conf")).exists();
    assertThat(image.layerDirs().get(0).getFileName().toString()).isEqualTo(Digest.of(BASE).hex());
    assertThat(image.config().entrypoint()).containsExactly("/bin/hello");
    assertThat(image.sizeBytes()).isEqualTo(3 + 4);
    assertThat(service(List.of()).find(ref)).contains(image);
    assertThat(service(List.of()).list()).containsExactly(image);
    assertThat(service(List.of()).find(image.imageId().substring(7, 19))).contains(image);
  }

  @Test
  void pull_twice_downloadsNoLayerAgain() {
    service(List.of()).pull(ref, null);
    int before = blobHits();
    ConcurrentLinkedQueue<String> phases = new ConcurrentLinkedQueue<>();
    service(List.of())
        .pull(
            ref,
            (r, layer, phase, current, total) -> {
              if (layer != null) {
                phases.add(phase);
              }
            });
    assertThat(blobHits()).isEqualTo(before);
    assertThat(phases).containsOnly("Already exists").hasSize(2);
  }

  private int blobHits() {
    return Stream.of(BASE, TOP)
        .mapToInt(t -> registry.hits("/v2/team/app/blobs/" + Digest.of(TarBuilder.gzip(t))))
        .sum();
  }

  @Test
  void pull_index_picksHostPlatformManifest() {
    String manifest = registry.addImage("team/multi", "m", List.of(BASE), "");
    String index = registry.addIndex("team/multi", "1", manifest);
    ImageHandle image = service(List.of()).pull(registry.authority() + "/team/multi:1", null);
    assertThat(image.digest()).isEqualTo(index);
    assertThat(image.layerDirs()).hasSize(1);
  }

  @Test
  void pull_byDigest_verifiesAndWorks() {
    String manifest = registry.addImage("team/pinned", "p", List.of(BASE), "");
    ImageHandle image =
        service(List.of()).pull(registry.authority() + "/team/pinned@" + manifest, null);
    assertThat(image.digest()).isEqualTo(manifest);
  }

  @Test
  void pull_bearerChallenge_fetchesTokenAndSucceeds() {
    registry.requireToken();
    assertThat(service(List.of()).pull(ref, null).layerDirs()).hasSize(2);
    assertThat(registry.hits("/token")).isEqualTo(1);
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void pull_tokenResponseOverTheLimit_failsClearly_withoutReadingItAll() {
    registry.requireToken();
    registry.padTokenResponse(64L << 20);

    assertThatThrownBy(() -> service(List.of()).pull(ref, null))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining(
            "token response from " + registry.uri() + "/token is larger than 1048576 bytes");
  }

  @Test
  void pull_corruptLayer_namesBothDigestsAndKeepsNothing() throws IOException {
    String layer = Digest.of(TarBuilder.gzip(TOP)).toString();
    byte[] wrong = TarBuilder.gzip(new TarBuilder().file("etc/evil", "x", 0644).tar());
    registry.corruptBlob("team/app", layer, wrong);
    assertThatThrownBy(() -> service(List.of()).pull(ref, null))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining(
            "has digest '"
                + Digest.of(wrong)
                + "' ("
                + wrong.length
                + " bytes) but the expected digest was '"
                + layer
                + "'");
    assertThat(Files.list(images().resolve("layers")).map(p -> p.getFileName().toString()))
        .doesNotContain(Digest.of(TOP).hex());
    try (Stream<Path> tmp = Files.list(images().resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
    assertThat(service(List.of()).find(ref)).isEmpty();
  }

  @Test
  void pull_corruptLayerGarbage_stillReportsDigestMismatch() {
    String layer = Digest.of(TarBuilder.gzip(TOP)).toString();
    registry.corruptBlob("team/app", layer, "not a gzip stream at all".getBytes());
    assertThatThrownBy(() -> service(List.of()).pull(ref, null))
        .hasMessageContaining("but the expected digest was '" + layer + "'");
  }

  @Test
  void pull_mirrorLacksImage_fallsBackToNextMirror() throws IOException {
    try (FakeRegistry empty = new FakeRegistry();
        FakeRegistry mirror = new FakeRegistry()) {
      mirror.addImage("library/busybox", "latest", List.of(BASE), "\"Cmd\":[\"sh\"]");
      ImageHandle image = service(List.of(empty.uri(), mirror.uri())).pull("busybox", null);
      assertThat(image.reference()).isEqualTo("docker.io/library/busybox:latest");
      assertThat(image.config().cmd()).containsExactly("sh");
      assertThat(empty.hits("/v2/library/busybox/manifests/latest")).isEqualTo(1);
    }
  }

  @Test
  void pull_unreachableRegistry_failsWithEndpointInMessage() {
    assertThatThrownBy(() -> service(List.of()).pull("127.0.0.1:1/x/y", null))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("cannot pull 127.0.0.1:1/x/y:latest")
        .hasMessageContaining("cannot reach http://127.0.0.1:1")
        .extracting(e -> ((ContainerException) e).kind())
        .isEqualTo(ContainerException.Kind.UNAVAILABLE);
  }

  @Test
  void pull_unknownTag_isNotFound() {
    assertThatThrownBy(() -> service(List.of()).pull(registry.authority() + "/team/app:nope", null))
        .hasMessageContaining("MANIFEST_UNKNOWN")
        .extracting(e -> ((ContainerException) e).kind())
        .isEqualTo(ContainerException.Kind.NOT_FOUND);
  }

  @Test
  void remove_lastReference_deletesUnsharedLayersOnly() throws IOException {
    registry.addImage("team/other", "1", List.of(BASE), "");
    RegistryImageService service = service(List.of());
    service.pull(ref, null);
    ImageHandle other = service.pull(registry.authority() + "/team/other:1", null);
    service.remove(ref);
    assertThat(service.find(ref)).isEmpty();
    assertThat(images().resolve("layers").resolve(Digest.of(TOP).hex())).doesNotExist();
    assertThat(other.layerDirs().get(0)).exists();
    assertThat(service.list())
        .extracting(ImageHandle::reference)
        .containsExactly(other.reference());
    assertThatThrownBy(() -> service.remove(ref)).hasMessageContaining("no such image");
    Set<String> blobs =
        Set.copyOf(
            Files.list(images().resolve("blobs/sha256"))
                .map(p -> p.getFileName().toString())
                .toList());
    assertThat(blobs).doesNotContain(Digest.of(TarBuilder.gzip(TOP)).hex());
  }

  @Test
  void pull_concurrentlyFromTwoServices_downloadsEachLayerOnce() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<ImageHandle>> pulls =
          List.of(
              pool.submit(() -> service(List.of()).pull(ref, null)),
              pool.submit(() -> service(List.of()).pull(ref, null)));
      assertThat(pulls.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS).layerDirs())
          .isEqualTo(pulls.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS).layerDirs());
    } finally {
      pool.shutdownNow();
    }
    assertThat(blobHits()).isEqualTo(2);
  }

  @Test
  void pull_stalledLayerBody_failsAfterTheRequestTimeout() {
    byte[] big =
        new TarBuilder().file("big", "x".repeat(200_000) + java.util.UUID.randomUUID(), 0644).tar();
    registry.addImage("team/slow", "1", List.of(big), "");
    registry.stallBlob("team/slow", Digest.of(TarBuilder.gzip(big)).toString());
    RegistryConfig config =
        new RegistryConfig(
            List.of(),
            Set.of(),
            null,
            java.time.Duration.ofSeconds(2),
            java.time.Duration.ofSeconds(1),
            3);
    RegistryImageService service =
        new RegistryImageService(
            new RuntimePaths(root.resolve("data"), root.resolve("run")),
            config,
            NativeOps.real(),
            new Platform("linux", "amd64", null));
    assertThatThrownBy(() -> service.pull(registry.authority() + "/team/slow:1", null))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("download stalled");
  }
}
