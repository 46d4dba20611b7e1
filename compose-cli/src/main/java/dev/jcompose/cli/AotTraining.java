package dev.jcompose.cli;

import dev.jcompose.cli.command.CommandContext;
import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.Event;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run behind the launcher's class-data archive (CDS on JDK 17, the AOT cache on JDK 25
 * and later): the verbs a user types most, on a sample project in a temporary folder, against a
 * stand-in engine on a temporary socket that answers {@code ps} — so the classes (and the lambdas:
 * a code path the sample leaves out spins its lambda classes at run time, ~1 ms each), and on JDK
 * 25 the linked call sites and profiles, of parsing, project loading, the engine client, the JSON
 * codec and the renderers are archived, and nothing on the host is touched. Output is discarded.
 *
 * <p>{@code up -d} and {@code down} are trained too, against a stand-in that streams progress
 * events and a result as the engine does: untrained, the client's streaming path, the wire form of
 * the project and the progress printer were loaded, linked and interpreted in every {@code up}, ~90
 * ms of CPU more than a trained verb on this 2-core host (a no-op {@code up} of 20 services used
 * 260 ms of CLI CPU against {@code config -q}'s 130), CPU taken from the engine's creates.
 */
public final class AotTraining {
  private static final String COMPOSE =
      """
      name: demo
      services:
        web:
          image: busybox
          command: ["sh", "-c", "echo ${GREETING:-hi}"]
          ports: ["8080:80", "127.0.0.1:8443:443/tcp"]
          environment:
            A: "1"
          depends_on:
            db:
              condition: service_healthy
          healthcheck:
            test: ["CMD", "true"]
            interval: 5s
          restart: unless-stopped
          volumes: ["data:/data", "./app:/app:ro"]
          labels: {role: web}
        db:
          image: postgres:15
          env_file: [.env]
          healthcheck:
            test: ["CMD-SHELL", "pg_isready"]
          networks: [back]
          deploy:
            resources:
              limits: {memory: 256m, cpus: "0.5"}
        api:
          build: ./app
          ports: ["${API_PORT:-8000}:8000"]
          environment:
            DB_USER: ${POSTGRES_USER:-app}
          depends_on:
            db:
              condition: service_healthy
          healthcheck:
            test: ["CMD-SHELL", "wget -q -O- http://127.0.0.1:8000/ || exit 1"]
            interval: 10s
            start_period: 20s
            start_interval: 500ms
          stop_grace_period: 1m30s
          develop:
            watch:
              - action: sync+restart
                path: ./app
                target: /app
                ignore: [__pycache__/]
              - action: rebuild
                path: ./app/Dockerfile
      volumes:
        data: {}
      networks:
        back: {}
      """;

  private AotTraining() {}

  @SuppressWarnings("try") // the stand-in engine is held open for the block, not used in it
  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("jcompose-training");
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream sink =
        new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    try {
      Files.writeString(dir.resolve("compose.yaml"), COMPOSE);
      Files.writeString(dir.resolve(".env"), "GREETING=hello\nPOSTGRES_PASSWORD=x\n");
      Files.createDirectories(dir.resolve("app"));
      Files.writeString(dir.resolve("app/Dockerfile"), "FROM busybox\n");
      Path run = Files.createDirectories(dir.resolve("run"));
      Map<String, String> env =
          Map.of(
              "JCOMPOSE_RUN_ROOT",
              run.toString(),
              "JCOMPOSE_DATA_ROOT",
              dir.resolve("data").toString());
      CommandContext.useCompose(() -> ComposeServices.forEnvironment(env));
      System.setOut(sink);
      System.setErr(sink);
      String file = dir.resolve("compose.yaml").toString();
      try (ServerSocketChannel engine = standInEngine(run.resolve("engine.sock"))) {
        for (int i = 0; i < 3; i++) {
          JcomposeCli.execute("-f", file, "config", "-q");
          JcomposeCli.execute("-f", file, "config");
          JcomposeCli.execute("-f", file, "config", "--format", "json");
          JcomposeCli.execute("-f", file, "ps");
          JcomposeCli.execute("-f", file, "ps", "--format", "json");
          JcomposeCli.execute("-f", file, "ps", "-q");
          JcomposeCli.execute("-f", file, "logs", "--tail", "10");
          JcomposeCli.execute("-f", file, "up", "-d");
          JcomposeCli.execute("-f", file, "down");
          JcomposeCli.execute("--help");
          JcomposeCli.execute("ps", "--help");
          JcomposeCli.execute("up", "--nope");
          JcomposeCli.execute("version");
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Answers every request on {@code socket} with the project's containers, as an engine would. */
  private static ServerSocketChannel standInEngine(Path socket) throws IOException {
    ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(socket));
    List<ContainerSummary> containers =
        List.of(
            summary(
                "demo-web-1",
                "web",
                List.of(new ContainerSummary.Publisher("0.0.0.0", 80, 8080, "tcp"))),
            summary("demo-db-1", "db", List.of()));
    byte[] body = Json.bytes(containers);
    byte[] stream = progressStream(containers);
    Thread t =
        new Thread(
            () -> {
              while (server.isOpen()) {
                SocketChannel c;
                try {
                  c = server.accept();
                } catch (IOException e) {
                  return; // closed: training is over
                }
                answer(c, body, stream);
              }
            },
            "training-engine");
    t.setDaemon(true);
    t.start();
    return server;
  }

  /**
   * Answers one connection; one that closes without a request (the launcher's connect probe) or
   * breaks mid-way is simply dropped, and the next is served.
   */
  private static void answer(SocketChannel connection, byte[] body, byte[] stream) {
    try (SocketChannel c = connection) {
      InputStream in = Channels.newInputStream(c);
      byte[] buf = new byte[8192];
      int n = in.read(buf);
      if (n <= 0) {
        return;
      }
      String head = new String(buf, 0, n, StandardCharsets.US_ASCII);
      boolean streamed = head.startsWith("POST ");
      byte[] answer =
          head.startsWith("GET /v1/version")
              ? "{\"version\":\"training\",\"apiVersion\":\"1\",\"pid\":1}"
                  .getBytes(StandardCharsets.UTF_8)
              : streamed ? stream : body;
      String h =
          "HTTP/1.1 200 OK\r\nContent-Type: "
              + (streamed ? "application/x-ndjson" : "application/json")
              + "\r\nContent-Length: "
              + answer.length
              + "\r\nConnection: close\r\n\r\n";
      c.write(ByteBuffer.wrap(h.getBytes(StandardCharsets.US_ASCII)));
      c.write(ByteBuffer.wrap(answer));
    } catch (IOException e) {
      // the client went away; the next connection is served
    }
  }

  /**
   * A streamed verb's answer (up, down): each container's progress events, then the containers as
   * the result (a void verb's client ignores it).
   */
  private static byte[] progressStream(List<ContainerSummary> containers) {
    List<String> lines = new ArrayList<>();
    Instant at = Instant.ofEpochSecond(1_700_000_000L);
    lines.add(event(at, "Network demo_default", "Creating"));
    lines.add(event(at, "Network demo_default", "Created"));
    for (ContainerSummary c : containers) {
      for (String action : List.of("Creating", "Created", "Starting", "Started")) {
        lines.add(event(at, "Container " + c.name(), action));
      }
    }
    lines.add(
        new String(Json.bytes(Map.of("result", containers, "done", true)), StandardCharsets.UTF_8));
    return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private static String event(Instant at, String resource, String action) {
    return new String(
        Json.bytes(Map.of("event", new Event(at, resource, action, "", Map.of()))),
        StandardCharsets.UTF_8);
  }

  private static ContainerSummary summary(
      String name, String service, List<ContainerSummary.Publisher> ports) {
    return new ContainerSummary(
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
        name,
        "demo",
        service,
        1,
        "busybox",
        "sh -c 'echo hi'",
        1_700_000_000L,
        "running",
        "Up 5 seconds",
        "healthy",
        0,
        ports,
        Map.of("com.docker.compose.project", "demo"),
        List.of("demo_default"),
        Map.of("demo_default", "172.18.0.2"));
  }
}
