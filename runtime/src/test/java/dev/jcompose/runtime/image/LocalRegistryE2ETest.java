package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.sys.NativeOps;
import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End to end against Debian's docker-registry ({@link TestRegistry}, scripts/registry.sh) holding
 * the offline-built test images (scripts/build-test-images.sh), reached as a Docker Hub mirror.
 * Root: whiteouts need mknod and trusted xattrs.
 */
@Tag("root")
@Tag("registry")
class LocalRegistryE2ETest {
  private static final Path SCRIPTS = Path.of("..", "scripts").toAbsolutePath().normalize();
  private static boolean startedRegistry;
  private Path root;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createTempDirectory("jcompose-test-img");
  }

  @AfterEach
  void deleteRoot() throws IOException {
    // not @TempDir: JUnit warns about every absolute symlink (busybox applets) it deletes
    Trees.deleteRecursively(root);
  }

  @BeforeAll
  static void registry() throws Exception {
    startedRegistry = run("registry.sh", "status") != 0;
    assertThat(run("registry.sh", "start")).isZero();
    assertThat(run("build-test-images.sh")).isZero();
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (startedRegistry) {
      run("registry.sh", "stop");
    }
  }

  private static int run(String script, String... args) throws IOException, InterruptedException {
    String[] command = new String[args.length + 1];
    command[0] = SCRIPTS.resolve(script).toString();
    System.arraycopy(args, 0, command, 1, args.length);
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(script + " did not finish in 120 s");
    }
    return p.exitValue();
  }

  private RegistryImageService service() {
    RegistryConfig config =
        RegistryConfig.load(
            Map.of(
                "JCOMPOSE_REGISTRY_MIRRORS",
                TestRegistry.url(),
                "JCOMPOSE_CONFIG",
                root.resolve("none.json").toString(),
                "HOME",
                root.toString()));
    return new RegistryImageService(
        new RuntimePaths(root.resolve("data"), root.resolve("run")), config);
  }

  // image-spec config.md: the history entries without empty_layer match the layers in order;
  // buildah/containers-image refuse a base that breaks it ("history lists 1 non-empty layers, but
  // we have 2 layers on disk"), so the offline test images (scripts/lib/oci.sh) keep it.
  @Test
  void testImages_haveOneNonEmptyHistoryEntryPerLayer() throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (String repo :
        List.of("library/busybox", "jcompose-test/healthy", "jcompose-test/layered")) {
      JsonNode manifest =
          Json.parse(
              get(http, repo + "/manifests/latest", "application/vnd.oci.image.manifest.v1+json"));
      JsonNode config =
          Json.parse(
              get(http, repo + "/blobs/" + manifest.path("config").path("digest").asText(), "*/*"));
      long nonEmpty =
          config.path("history").elements().stream()
              .filter(h -> !h.path("empty_layer").asBoolean())
              .count();
      assertThat(nonEmpty).as(repo).isEqualTo(config.path("rootfs").path("diff_ids").size());
    }
  }

  private static byte[] get(HttpClient http, String path, String accept) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(TestRegistry.url() + "/v2/" + path))
            .header("Accept", accept)
            .timeout(Duration.ofSeconds(10))
            .build();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  @Test
  void pull_busyboxThroughMirror_isARunnableRootfs() throws IOException {
    ImageHandle busybox = service().pull("busybox", null);
    assertThat(busybox.reference()).isEqualTo("docker.io/library/busybox:latest");
    Path layer = busybox.layerDirs().get(0);
    assertThat(Files.readSymbolicLink(layer.resolve("bin/sh"))).isEqualTo(Path.of("/bin/busybox"));
    assertThat(Files.isExecutable(layer.resolve("bin/busybox"))).isTrue();
    assertThat(Files.readString(layer.resolve("etc/passwd"))).contains("app:x:1000:1000");
    assertThat(Files.getAttribute(layer.resolve("home/app"), "unix:uid")).isEqualTo(1000);
    assertThat((int) Files.getAttribute(layer.resolve("tmp"), "unix:mode") & 07777)
        .isEqualTo(01777);
    assertThat(busybox.config().cmd()).containsExactly("sh");
  }

  @Test
  void pull_again_reusesEverything() {
    service().pull("jcompose-test/healthy", null);
    ConcurrentLinkedQueue<String> phases = new ConcurrentLinkedQueue<>();
    ImageHandle again =
        service()
            .pull(
                "jcompose-test/healthy",
                (r, layer, phase, c, t) -> {
                  if (layer != null) {
                    phases.add(phase);
                  }
                });
    assertThat(phases).hasSize(2).containsOnly("Already exists");
    assertThat(again.config().healthcheck().test())
        .containsExactly("CMD-SHELL", "test -f /tmp/healthy");
    assertThat(again.config().entrypoint()).containsExactly("/entrypoint.sh");
    assertThat(again.config().volumes()).containsExactly("/data");
    assertThat(again.config().exposedPorts()).containsExactly("8080/tcp");
    assertThat(again.config().workingDir()).isEqualTo("/srv");
  }

  @Test
  void pull_layeredImage_convertsWhiteoutsAndSharesBaseLayer() throws Exception {
    RegistryImageService service = service();
    ImageHandle busybox = service.pull("busybox", null);
    ImageHandle layered = service.pull("jcompose-test/layered", null);
    assertThat(layered.layerDirs()).hasSize(3);
    assertThat(layered.layerDirs().get(0)).isEqualTo(busybox.layerDirs().get(0));
    assertThat(layered.config().user()).isEqualTo("app");
    Path top = layered.layerDirs().get(2);
    assertThat(
            (int) Files.getAttribute(top.resolve("data/a"), "unix:mode", LinkOption.NOFOLLOW_LINKS)
                & 0170000)
        .isEqualTo(0020000);
    assertThat(NativeOps.real().lgetxattr(top.resolve("opq"), "trusted.overlay.opaque"))
        .hasValue("y".getBytes());
    service.remove("jcompose-test/layered");
    assertThat(Files.isDirectory(busybox.layerDirs().get(0))).isTrue();
    assertThat(top).doesNotExist();
  }
}
