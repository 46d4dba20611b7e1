package dev.jcompose.scheduler.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.common.json.Json;
import dev.jcompose.model.api.Network;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.testing.FakeComposeService;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import dev.jcompose.scheduler.wire.Requests;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's API does not trust its client: a request that the CLI's loader would have refused,
 * sent straight to the socket, is answered 400 (413 when too large) and nothing runs.
 */
@Tag("security")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApiInputSecurityTest {
  private static final long LIMIT = 64 * 1024;
  @TempDir Path dir;
  private final FakeComposeService fake = new FakeComposeService();
  private EngineServer server;

  @BeforeEach
  void startServer() throws Exception {
    server =
        EngineServer.start(
            fake, dir.resolve("engine.sock"), new ServerSettings("test", 200, () -> {}, LIMIT));
  }

  @AfterEach
  void stopServer() {
    fake.release();
    server.close();
  }

  @Test
  void up_containerNameClimbingOut_is400() throws Exception {
    Project base = Proj.of("demo").service(Svc.of("web")).build();
    Project p =
        new Project(
            "demo",
            base.workingDir(),
            base.composeFiles(),
            Map.of(
                "web", base.service("web").toBuilder().containerName("../../../../tmp/x").build()),
            base.networks(),
            base.volumes(),
            base.secrets(),
            base.configs());

    String answer = up("demo", p);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("services.web.container_name: invalid container name \\\"../../../../tmp/x\\\"");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void up_networkNameWithNewline_is400() throws Exception {
    Project base = Proj.of("demo").service(Svc.of("web")).build();
    Project p =
        new Project(
            "demo",
            base.workingDir(),
            base.composeFiles(),
            base.services(),
            Map.of(
                "default",
                new Network(
                    "default",
                    "x\nnetns add jcattack",
                    "bridge",
                    Map.of(),
                    false,
                    false,
                    false,
                    null,
                    null,
                    Map.of())),
            base.volumes(),
            base.secrets(),
            base.configs());

    String answer = up("demo", p);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("networks.default.name: invalid network name \\\"x\\\\nnetns add jcattack\\\"");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void up_hostSysctl_is400() throws Exception {
    Svc web = Svc.of("web").security(b -> b.sysctls(Map.of("kernel.core_pattern", "|/tmp/x")));

    String answer = up("demo", Proj.of("demo").service(web).build());

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("sysctl kernel.core_pattern is not allowed");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void up_projectWithNullsTheLoaderNeverMakes_is400NotACrash() throws Exception {
    String body =
        "{\"project\":{\"name\":\"demo\",\"services\":{\"web\":null},\"networks\":{\"default\":{\"name\":null}}},"
            + "\"options\":{\"services\":[]}}";

    String answer = RawHttp.exchange(server.socket(), "POST /v1/projects/demo/up", body);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("networks.default.name: invalid network name (none)");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void projectOrContainerNameInPath_climbingOut_is400() throws Exception {
    assertThat(RawHttp.exchange(server.socket(), "GET /v1/projects/..%2F..%2Fetc/ps", null))
        .startsWith("HTTP/1.1 400")
        .contains("invalid project name \\\"../../etc\\\"");
    assertThat(RawHttp.exchange(server.socket(), "DELETE /v1/containers/..%2F..%2Fx", null))
        .startsWith("HTTP/1.1 400")
        .contains("invalid container name \\\"../../x\\\"");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void body_announcedLargerThanTheLimit_is413() throws Exception {
    String answer =
        RawHttp.exchange(
            server.socket(), "POST /v1/projects/demo/stop", "x".repeat((int) LIMIT + 1));

    assertThat(answer)
        .startsWith("HTTP/1.1 413")
        .contains("request body larger than " + LIMIT + " bytes");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void body_chunkedPastTheLimit_is413() throws Exception {
    String answer = chunked("POST /v1/projects/demo/stop", 64, 4096);

    assertThat(answer).startsWith("HTTP/1.1 413").contains("request body larger than");
    assertThat(fake.calls).isEmpty();
  }

  private String up(String project, Project p) throws Exception {
    return RawHttp.exchange(
        server.socket(),
        "POST /v1/projects/" + project + "/up",
        Json.write(new Requests.Up(p, UpOptions.defaults())));
  }

  /**
   * Sends {@code chunks} chunks of {@code size} bytes without a Content-Length, reading the answer.
   */
  private String chunked(String requestLine, int chunks, int size) throws Exception {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(server.socket()));
      ch.write(
          ByteBuffer.wrap(
              (requestLine + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII)));
      byte[] chunk =
          (Integer.toHexString(size) + "\r\n" + "{".repeat(size) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      try {
        for (int i = 0; i < chunks; i++) {
          ch.write(ByteBuffer.wrap(chunk));
        }
        ch.write(ByteBuffer.wrap("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
      } catch (java.io.IOException closedByServer) {
        // the engine stopped reading and closed: its answer is already on the way
      }
      ByteBuffer buf = ByteBuffer.allocate(8192);
      StringBuilder out = new StringBuilder();
      while (ch.read(buf) > 0) {
        out.append(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
        buf.clear();
      }
      return out.toString();
    }
  }
}
