package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shipped {@code examples/web-db} (a Python app, Postgres and Redis from the images users
 * name), driven as a user drives it: one stack for the whole class, steps in order, because each
 * step builds on the state the previous one left (rows written, a crash survived, a restart).
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebDbScenariosTest {
  private static final Duration UP_LIMIT = Duration.ofSeconds(240);
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Jcompose jc;
  private int port;

  @BeforeAll
  void up() throws IOException {
    port = freePort();
    jc = Jcompose.example("web-db").withEnv("WEB_PORT", Integer.toString(port));
    jc.run(UP_LIMIT.toSeconds(), "up", "-d", "--wait").assertOk();
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  @Order(1)
  void page_showsTheRedisCounterAndThePostgresRows() throws Exception {
    HttpResponse<String> first = get("/");
    HttpResponse<String> second = get("/");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    JsonNode stats = stats();
    assertThat(stats.get("hits").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(stats.get("visits").asInt()).isGreaterThanOrEqualTo(2);
    // the page renders what it read back, not what it meant to write
    assertThat(second.body()).contains(stats.get("hostname").asText());
  }

  @Test
  @Order(2)
  void logsFollow_showsAllThreeServices_andNewLines() throws Exception {
    Path out = jc.root.resolve("follow.txt");
    Process follow = jc.start(out, "logs", "-f", "--no-color");
    try {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                String text = Files.readString(out);
                return text.contains("web-1") && text.contains("db-1") && text.contains("cache-1");
              });
      long before = Files.readString(out).lines().count();
      get("/followed-" + port);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  Files.readString(out)
                      .lines()
                      .skip(before)
                      .anyMatch(l -> l.contains("/followed-" + port)));
    } finally {
      follow.destroy();
      follow.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(3)
  void execPsql_queriesTheDatabase() {
    String out =
        jc.run(
                "exec",
                "-T",
                "db",
                "psql",
                "-U",
                "app",
                "-d",
                "app",
                "-tAc",
                "select count(*) from visits")
            .assertOk()
            .stdout();

    assertThat(Integer.parseInt(out.trim())).isGreaterThanOrEqualTo(2);
  }

  @Test
  @Order(4)
  void killedDatabase_restartsByItself_andTheAppRecovers() throws Exception {
    int visits = stats().get("visits").asInt();
    long postmaster = postmaster();

    HostProcesses.kill9(List.of(postmaster));

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              long now = postmasterOrZero();
              return now != 0 && now != postmaster;
            });
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(() -> get("/").statusCode() == 200);
    assertThat(stats().get("visits").asInt()).isGreaterThan(visits);
    assertThat(psField("db", "State")).isEqualTo("running");
  }

  @Test
  @Order(5)
  void downThenUp_keepsTheRows() throws Exception {
    int visits = stats().get("visits").asInt();

    jc.run("down").assertOk();
    jc.run(UP_LIMIT.toSeconds(), "up", "-d", "--wait").assertOk();

    assertThat(stats().get("visits").asInt()).isGreaterThanOrEqualTo(visits);
  }

  @Test
  @Order(6)
  void downWithVolumes_removesTheRows() throws Exception {
    jc.run("down", "-v").assertOk();
    jc.run(UP_LIMIT.toSeconds(), "up", "-d", "--wait").assertOk();

    assertThat(get("/").statusCode()).isEqualTo(200);
    assertThat(stats().get("visits").asInt()).isEqualTo(1);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode stats() throws IOException, InterruptedException {
    HttpResponse<String> r = get("/api/stats");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Json.parse(r.body());
  }

  private String psField(String service, String field) throws IOException {
    for (String line :
        jc.run("ps", "-a", "--format", "json", service).assertOk().stdout().split("\n")) {
      if (!line.isBlank()) {
        return Json.parse(line).get(field).asText();
      }
    }
    return "absent";
  }

  /**
   * The postgres server process: the "postgres" in the db container whose parent is no postgres.
   */
  private long postmaster() throws IOException {
    List<Long> servers = HostProcesses.topmost(HostProcesses.initOf(jc, "web-db-db-1"), "postgres");
    assertThat(servers).as("postgres server processes").hasSize(1);
    return servers.get(0);
  }

  private long postmasterOrZero() {
    try {
      return postmaster();
    } catch (IOException | AssertionError | RuntimeException e) {
      return 0; // between the crash and the restart there is none, or the state file is being
      // rewritten
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
