package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.e2e.Jcompose;
import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.wire.Requests;
import dev.jcompose.testkit.HostChecks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine does not trust its client: the attacks the loader refuses, sent straight to the
 * engine's socket as a hostile client would, are answered 400 (413 for an oversized body) and
 * nothing reaches the host.
 */
@Tag("security")
@Tag("root")
class EngineApiBypassTest {
  private static final Path OUTSIDE = Path.of("/tmp/jcattack-api");
  private static final String INJECTED = "jcattack-api-netns";
  private Jcompose jc;
  private Map<String, Object> request;

  @BeforeEach
  void startEngineAndBuildAValidRequest() {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("api-bypass");
    jc.run(120, "engine", "start").assertOk();
    assertThat(jc.root.resolve("run/engine.sock")).as("the engine's socket").exists();
    Project p =
        ProjectLoader.load(
            new LoadOptions(
                List.of(),
                jc.projectDir,
                null,
                List.of(),
                List.of(),
                Map.of(),
                jc.projectDir,
                true,
                null));
    request = plainMap(Json.tree(new Requests.Up(p, UpOptions.defaults())).toPlain());
  }

  /** The request as mutable maps, to be altered as a hostile client would. */
  @SuppressWarnings("unchecked") // JSON objects are plain maps with string keys
  private static Map<String, Object> plainMap(Object tree) {
    return (Map<String, Object>) tree;
  }

  /** The object at {@code path} in the request. */
  private Map<String, Object> at(String... path) {
    Map<String, Object> m = request;
    for (String key : path) {
      m = plainMap(m.get(key));
    }
    return m;
  }

  @AfterEach
  void tearDown() {
    try {
      jc.close();
    } finally {
      Jcompose.deleteTree(OUTSIDE);
      if (HostNetworking.netns().contains(INJECTED)) {
        HostNetworking.deleteNetns(INJECTED);
      }
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void up_containerNameClimbingOut_is400_andNothingIsWrittenOutside() throws Exception {
    at("project", "services", "app")
        .put("containerName", "../../../../../../../../../../tmp/jcattack-api");

    String answer = post("/v1/projects/api-bypass/up", Json.bytes(request));

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("services.app.container_name: invalid container name");
    assertThat(Files.exists(OUTSIDE)).isFalse();
  }

  @Test
  void up_networkNameWithIpCommand_is400_andNoNamespaceAppears() throws Exception {
    at("project", "networks", "default").put("name", "x\nnetns add " + INJECTED);

    String answer = post("/v1/projects/api-bypass/up", Json.bytes(request));

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("networks.default.name: invalid network name");
    assertThat(HostNetworking.netns()).doesNotContain(INJECTED);
  }

  @Test
  void up_hostSysctl_is400_andTheHostValueIsUnchanged() throws Exception {
    String before = HostNetworking.sysctl("kernel.core_pattern");
    at("project", "services", "app", "security")
        .put("sysctls", Map.of("kernel.core_pattern", "|/bin/false jcattack-api"));

    String answer = post("/v1/projects/api-bypass/up", Json.bytes(request));

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("sysctl kernel.core_pattern is not allowed");
    assertThat(HostNetworking.sysctl("kernel.core_pattern")).isEqualTo(before);
  }

  @Test
  void up_bodyOf64MiB_is413() throws Exception {
    byte[] huge = new byte[64 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');

    String answer = post("/v1/projects/api-bypass/up", huge);

    assertThat(answer)
        .startsWith("HTTP/1.1 413")
        .contains("request body larger than 16777216 bytes");
  }

  /**
   * One raw HTTP exchange on the engine's socket; the engine may close early (413), its answer is
   * still read.
   */
  private String post(String path, byte[] body) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(jc.root.resolve("run/engine.sock")));
      String head =
          "POST "
              + path
              + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
              + "Content-Length: "
              + body.length
              + "\r\n\r\n";
      ch.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
      try {
        ByteBuffer b = ByteBuffer.wrap(body);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      } catch (IOException closedByEngine) {
        // refused before the whole body was sent
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (ch.read(buf) > 0) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
