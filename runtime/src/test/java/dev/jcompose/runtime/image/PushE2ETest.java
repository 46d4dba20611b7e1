package dev.jcompose.runtime.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageStore.Layer;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.testkit.TestRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Push to Debian's docker-registry ({@link TestRegistry}), verified by skopeo (a different client,
 * as docker elsewhere would be): an image made here (a base pulled through the mirror plus a
 * committed layer) is inspectable and copyable; a second repository mounts the blobs.
 */
@Tag("root")
@Tag("registry")
class PushE2ETest {
  private Path root;

  @BeforeEach
  void createRoot() throws IOException {
    root = Files.createTempDirectory("jcompose-test-push");
  }

  @AfterEach
  void deleteRoot() throws IOException {
    Trees.deleteRecursively(root);
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

  private static String skopeo(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("skopeo"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void push_builtImage_isPullableBySkopeo() throws Exception {
    RegistryImageService s = service();
    ImageHandle base = s.pull("busybox", null);
    Path dir = s.newLayerDir();
    Files.writeString(
        Files.createDirectories(dir.resolve("app")).resolve("hello.txt"), "pushed by jcompose\n");
    Layer layer = s.commitLayer(dir);
    List<Layer> layers = new ArrayList<>(s.layers(base));
    layers.add(layer);
    StringBuilder ids = new StringBuilder();
    layers.forEach(
        l -> ids.append(ids.length() == 0 ? "" : ",").append('"').append(l.diffId()).append('"'));
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"cat\",\"/app/hello.txt\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + ids
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    String tag = "t" + System.nanoTime();
    String ref = TestRegistry.address() + "/jcompose-test/pushed:" + tag;
    s.store(ref, config, layers);
    ConcurrentLinkedQueue<String> phases = new ConcurrentLinkedQueue<>();
    String digest = s.push(ref, (r, l, phase, c, t) -> phases.add(phase));
    assertThat(phases).contains("Pushed");

    JsonNode inspect = Json.parse(skopeo("inspect", "--tls-verify=false", "docker://" + ref));
    assertThat(inspect.path("Digest").asText()).isEqualTo(digest);
    assertThat(inspect.path("Layers")).hasSize(layers.size());
    assertThat(inspect.path("Layers").path(layers.size() - 1).asText()).isEqualTo(layer.digest());
    Path copy = root.resolve("copy");
    skopeo("copy", "--src-tls-verify=false", "docker://" + ref, "oci:" + copy + ":x");
    assertThat(copy.resolve("index.json")).exists();

    // the same image under another repository of the registry: every blob is already there
    String other = TestRegistry.address() + "/jcompose-test/pushed-again:" + tag;
    s.store(other, config, layers);
    phases.clear();
    s.push(other, (r, l, phase, c, t) -> phases.add(phase + " " + l));
    assertThat(phases)
        .noneMatch(p -> p.startsWith("Pushing"))
        .anyMatch(p -> p.startsWith("Mounted from jcompose-test/pushed"));
  }
}
