package dev.jcompose.scheduler.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.common.json.Json;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.client.ClientTimeouts;
import dev.jcompose.scheduler.client.RemoteComposeService;
import dev.jcompose.scheduler.testing.FakeComposeService;
import dev.jcompose.scheduler.testing.SampleProjects;
import dev.jcompose.scheduler.wire.Requests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerClientTest {
  @TempDir Path dir;
  private final FakeComposeService fake = new FakeComposeService();
  private final AtomicBoolean shutdownAsked = new AtomicBoolean();
  private EngineServer server;
  private RemoteComposeService client;

  @BeforeEach
  void startServer() throws Exception {
    Path socket = dir.resolve("engine.sock");
    server =
        EngineServer.start(
            fake, socket, new ServerSettings("test", 200, () -> shutdownAsked.set(true)));
    client = new RemoteComposeService(socket);
  }

  @AfterEach
  void stopServer() {
    fake.release();
    server.close();
  }

  @Test
  void socket_isOwnerAndGroupOnly_boundInAPrivateFolderThatIsGoneAfterwards() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.socket())))
        .isEqualTo("rw-rw----");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("engine.sock");
    }
  }

  @Test
  void version_answersWithPid() {
    assertThat(client.version().apiVersion()).isEqualTo("1");
    assertThat(client.version().pid()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void up_streamsEventsThenReturnsSummaries() {
    List<Event> events = new CopyOnWriteArrayList<>();
    Project project = SampleProjects.full("demo");

    List<ContainerSummary> result = client.up(project, UpOptions.defaults(), events::add);

    assertThat(result)
        .containsExactly(
            FakeComposeService.summary("demo", "web", 1),
            FakeComposeService.summary("demo", "web", 2));
    assertThat(events).extracting(Event::action).containsExactly("Creating", "Started");
    assertThat(fake.lastArgument).isEqualTo(project);
  }

  @Test
  void up_failingVerb_rethrowsKindAndMessage() {
    assertThatThrownBy(
            () -> client.up(SampleProjects.minimal("broken"), UpOptions.defaults(), e -> {}))
        .isInstanceOf(ComposeException.class)
        .hasMessage("project broken is locked by another jcompose")
        .extracting(e -> ((ComposeException) e).kind())
        .isEqualTo(ComposeException.Kind.CONFLICT);
  }

  @Test
  void down_passesOptionsAndEvents() {
    List<Event> events = new CopyOnWriteArrayList<>();
    DownOptions options = new DownOptions(true, true, 3, "local");

    client.down("demo", null, options, events::add);

    assertThat(fake.lastArgument).isEqualTo(options);
    assertThat(events).extracting(Event::resource).containsExactly("Network demo_default");
  }

  @Test
  void ps_passesQueryOptions() {
    PsOptions options = new PsOptions(List.of("web", "db x"), true, List.of("running", "exited"));

    List<ContainerSummary> result = client.ps("demo", options);

    assertThat(result).containsExactly(FakeComposeService.summary("demo", "web", 1));
    assertThat(fake.lastArgument).isEqualTo(options);
  }

  @Test
  void ps_failure_mapsHttpErrorToKind() {
    assertThatThrownBy(() -> client.ps("broken", new PsOptions(List.of(), false, List.of())))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.CONFLICT));
  }

  @Test
  void stopStartRestart_passServicesAndTimeout() {
    client.stop("demo", List.of("web"), 7, e -> {});
    assertThat(fake.lastArgument).isEqualTo(List.of(List.of("web"), "7"));
    client.start("demo", StartOptions.of(List.of("db")), e -> {});
    assertThat(fake.lastArgument).isEqualTo(List.of("db"));
    client.restart("demo", List.of(), null, e -> {});
    assertThat(fake.lastArgument).isEqualTo(List.of(List.of(), "null"));
    assertThat(fake.calls).containsExactly("stop demo", "start demo", "restart demo");
  }

  @Test
  void run_returnsOneOffSummary() {
    RunOptions options =
        RunOptions.builder("web")
            .command(List.of("echo", "hi"))
            .environment(Map.of("A", "1"))
            .user("1000")
            .workdir("/w")
            .name("one-off")
            .noDeps(true)
            .removeAfter(true)
            .publish(ServiceNetworking.Port.parse("8080:80"))
            .entrypoint("sh")
            .build();

    ContainerSummary s = client.run(SampleProjects.minimal("demo"), options, e -> {});

    assertThat(s.service()).isEqualTo("web");
    assertThat(fake.lastArgument).isEqualTo(options);
  }

  @Test
  void up_projectNameMismatch_is400BeforeAnythingRuns() throws Exception {
    String body =
        Json.write(new Requests.Up(SampleProjects.minimal("other"), UpOptions.defaults()));

    String answer = RawHttp.exchange(server.socket(), "POST /v1/projects/demo/up", body);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains(
            "{\"error\":{\"kind\":\"INVALID\",\"message\":\"project in path is 'demo', but the request body is for 'other'\"}}");
    assertThat(fake.calls).isEmpty();
  }

  @Test
  void badJson_is400() throws Exception {
    assertThat(RawHttp.exchange(server.socket(), "POST /v1/projects/demo/stop", "{nope"))
        .startsWith("HTTP/1.1 400")
        .contains("\"kind\":\"INVALID\"");
  }

  @Test
  void waitExit_blocksAcrossKeepAlivesThenReturnsCode() throws Exception {
    Thread releaser =
        new Thread(
            () -> {
              sleep(700);
              fake.release();
            });
    releaser.start();

    assertThat(client.waitExit("slow")).isEqualTo(42);
    releaser.join();
  }

  @Test
  void waitExit_unknownContainer_isNotFound() {
    assertThatThrownBy(() -> client.waitExit("missing"))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.NOT_FOUND))
        .hasMessage("no such container: missing");
  }

  @Test
  void removeContainer_passesForce_andMapsNotFound() {
    client.removeContainer("demo-web-run-1", true);
    assertThat(fake.lastArgument).isEqualTo(true);
    assertThatThrownBy(() -> client.removeContainer("missing", false))
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.NOT_FOUND));
  }

  @Test
  void events_streamUntilStop_thenServerSideStops() throws Exception {
    List<Event> events = new CopyOnWriteArrayList<>();

    client.events(
        "demo", Instant.parse("2026-01-02T03:04:05Z"), events::add, () -> !events.isEmpty());

    assertThat(events).extracting(Event::action).containsExactly("start");
    assertThat(fake.lastArgument).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(fake.eventsStopped.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void shutdown_callsBackAndAnswers() {
    client.shutdown();

    assertThat(shutdownAsked).isTrue();
  }

  @Test
  void unknownRoute_isNotFoundJson() throws Exception {
    String answer = RawHttp.exchange(server.socket(), "GET /v1/nope", null);

    assertThat(answer)
        .startsWith("HTTP/1.1 404")
        .contains(
            "{\"error\":{\"kind\":\"NOT_FOUND\",\"message\":\"no such API route: GET /v1/nope\"}}");
  }

  @Test
  void noEngine_isUnavailable() {
    RemoteComposeService nobody = new RemoteComposeService(dir.resolve("nobody.sock"));

    assertThatThrownBy(nobody::version)
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.UNAVAILABLE))
        .hasMessageContaining("nobody.sock");
  }

  @Test
  void silentEngine_timesOut() {
    RemoteComposeService impatient =
        new RemoteComposeService(
            server.socket(),
            new ClientTimeouts(
                Duration.ofSeconds(1), Duration.ofMillis(300), Duration.ofMillis(300)));

    // "slow" stays blocked: keep-alives come every 200 ms here, so the 300 ms idle limit must NOT
    // fire...
    Thread releaser =
        new Thread(
            () -> {
              sleep(1000);
              fake.release();
            });
    releaser.start();
    assertThat(impatient.waitExit("slow")).isEqualTo(42);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
