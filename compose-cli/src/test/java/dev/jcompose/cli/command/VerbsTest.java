package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verbs through JcomposeCli.execute with a recording engine and an in-memory project. */
class VerbsTest {
  private final RecordingEngine engine = new RecordingEngine();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private final ProjectSource.Loader savedLoader = ProjectSource.loader;
  private final java.util.function.Function<CallSettings, dev.jcompose.scheduler.api.ComposeService>
      savedServices = CommandContext.services;

  @BeforeEach
  void wire() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    CommandContext.services =
        s -> {
          engine.settings = s;
          return engine;
        };
    ProjectSource.loader =
        options -> {
          if (options.projectName() != null && options.files().isEmpty()) {
            throw new ComposeFileException("no configuration file provided: not found");
          }
          return new Project(
              "demo",
              Path.of("/srv/demo"),
              List.of(),
              Map.of(),
              Map.of(),
              Map.of(),
              Map.of(),
              Map.of());
        };
  }

  @AfterEach
  void unwire() {
    ProjectSource.loader = savedLoader;
    CommandContext.services = savedServices;
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  // image, volume and system prune (PruneOutput): docker's warning, the confirmation (declined
  // without a terminal: nothing pruned), a section per kind deleted, the total reclaimed space

  @Test
  void imagePrune_listsDockersLines_thenTheTotal() {
    assertThat(JcomposeCli.execute("image", "prune", "-f")).isZero();
    assertThat(out())
        .isEqualTo(
            "Deleted Images:\n"
                + "untagged: demo-web:latest\n"
                + "deleted: sha256:"
                + "1".repeat(64)
                + "\n\n"
                + "Total reclaimed space: 4.1MB\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(engine.calls).contains("image prune false");
  }

  @Test
  void volumePrune_listsTheVolumes_thenTheTotal() {
    assertThat(JcomposeCli.execute("volume", "prune", "-a", "-f")).isZero();
    assertThat(out()).isEqualTo("Deleted Volumes:\nanon1\n\nTotal reclaimed space: 1kB\n");
    assertThat(engine.calls).contains("volume prune true");
  }

  @Test
  void systemPrune_aSectionPerKindDeleted_emptyOnesLeftOut() {
    assertThat(JcomposeCli.execute("system", "prune", "-f")).isZero();
    assertThat(out())
        .isEqualTo(
            "Deleted Containers:\ndemo-old-1\n\n"
                + "Deleted Networks:\ndemo_default\n\n"
                + "Total reclaimed space: 2.05kB\n");
  }

  @Test
  void withoutForce_andNoTerminal_warnsAndPrunesNothing() {
    assertThat(JcomposeCli.execute("image", "prune", "-a")).isZero();
    assertThat(JcomposeCli.execute("volume", "prune")).isZero();
    assertThat(JcomposeCli.execute("system", "prune", "--volumes")).isZero();
    assertThat(out()).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "WARNING! This will remove all images without at least one container associated to"
                + " them.\n"
                + "WARNING! This will remove anonymous local volumes not used by at least one"
                + " container.\n"
                + "WARNING! This will remove:\n"
                + "  - all stopped containers\n"
                + "  - all networks not used by at least one container\n"
                + "  - all anonymous volumes not used by at least one container\n"
                + "  - all dangling images\n");
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void upDetached_passesOptions_printsProgressOnStderr() {
    int code =
        JcomposeCli.execute(
            "up",
            "-d",
            "--force-recreate",
            "--scale",
            "web=3",
            "--pull",
            "never",
            "-t",
            "4",
            "web");

    assertThat(code).isZero();
    assertThat(engine.calls).containsExactly("up demo");
    assertThat(engine.last)
        .isEqualTo(
            UpOptions.builder()
                .services(List.of("web"))
                .forceRecreate(true)
                .pull("never")
                .scale(Map.of("web", 3))
                .timeoutSeconds(4)
                .build());
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(" Container demo-web-1  Started");
  }

  @Test
  void upWait_impliesDetach() {
    assertThat(JcomposeCli.execute("up", "--wait", "--wait-timeout", "30")).isZero();

    UpOptions o = (UpOptions) engine.last;
    assertThat(o.detach()).isTrue();
    assertThat(o.waitHealthy()).isTrue();
    assertThat(o.waitTimeoutSeconds()).isEqualTo(30);
  }

  @Test
  void up_conflictingFlags_isUsageError() {
    assertThat(JcomposeCli.execute("up", "-d", "--abort-on-container-exit")).isEqualTo(2);
    assertThat(engine.calls).isEmpty();
  }

  @Test
  void up_engineError_printsMessage_exitsOne() {
    engine.failWith =
        new ComposeException(ComposeException.Kind.NOT_FOUND, "image \"nope\" not found");

    assertThat(JcomposeCli.execute("up", "-d")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("image \"nope\" not found");
  }

  @Test
  void up_engineInternalError_exits125() {
    engine.failWith = new ComposeException(ComposeException.Kind.INTERNAL, "boom");

    assertThat(JcomposeCli.execute("up", "-d")).isEqualTo(125);
  }

  @Test
  void ps_byProjectName_printsSortedTable() {
    engine.containers = List.of(summary("demo-web-1", "web"), summary("demo-db-1", "db"));

    assertThat(JcomposeCli.execute("ps", "-p", "demo", "-a")).isZero();

    assertThat(engine.calls).containsExactly("ps demo");
    assertThat(engine.last).isEqualTo(new PsOptions(List.of(), true, List.of()));
    assertThat(out().lines().toList()).hasSize(3).first().asString().startsWith("NAME ");
    assertThat(out().lines().skip(1).map(l -> l.split(" ")[0]).toList())
        .containsExactly("demo-db-1", "demo-web-1");
  }

  @Test
  void ps_quietServicesAndJson() {
    engine.containers = List.of(summary("demo-web-1", "web"), summary("demo-web-2", "web"));

    JcomposeCli.execute("-p", "demo", "ps", "--services");
    assertThat(out()).isEqualTo("web\n");
    out.reset();
    JcomposeCli.execute("-p", "demo", "ps", "-q");
    assertThat(out()).isEqualTo("abc\nabc\n");
    out.reset();
    JcomposeCli.execute("-p", "demo", "ps", "--format", "json");
    assertThat(out().lines().toList())
        .hasSize(2)
        .allSatisfy(l -> assertThat(l).startsWith("{\"Command\":"));
  }

  @Test
  void ps_statusFilter_impliesAll() {
    JcomposeCli.execute("ps", "-p", "demo", "--status", "exited");

    assertThat(engine.last).isEqualTo(new PsOptions(List.of(), true, List.of("exited")));
  }

  @Test
  void down_withoutComposeFile_goesByName() {
    assertThat(
            JcomposeCli.execute(
                "down", "-p", "demo", "-v", "--remove-orphans", "-t", "3", "--rmi", "local"))
        .isZero();

    assertThat(engine.calls).containsExactly("down demo (no project)");
    assertThat(engine.last).isEqualTo(new DownOptions(true, true, 3, "local"));
  }

  @Test
  void down_withComposeFile_sendsProject() {
    assertThat(JcomposeCli.execute("down")).isZero();

    assertThat(engine.calls).containsExactly("down demo");
  }

  @Test
  void stopStartRestart_passServicesAndTimeouts() {
    JcomposeCli.execute("stop", "-p", "demo", "-t", "5", "web");
    JcomposeCli.execute("start", "-p", "demo");
    JcomposeCli.execute("restart", "-p", "demo", "db", "web");

    assertThat(engine.calls)
        .containsExactly("stop demo [web] 5", "start demo []", "restart demo [db, web] null");
  }

  @Test
  void run_detached_passesOptions_printsName() {
    engine.containers = List.of(summary("demo-web-run-1", "web"));

    ProjectSource.loader =
        o ->
            new Project(
                "demo",
                Path.of("/srv"),
                List.of(),
                Map.of("web", ServiceFixture.named("web")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());
    int code =
        JcomposeCli.execute(
            "run",
            "-d",
            "--rm",
            "-e",
            "A=1",
            "-u",
            "1000",
            "-w",
            "/w",
            "--entrypoint",
            "sh",
            "--no-deps",
            "--name",
            "x",
            "--publish",
            "8080:80",
            "web",
            "echo",
            "hi");

    assertThat(code).isZero();
    assertThat(engine.last)
        .isEqualTo(
            RunOptions.builder("web")
                .command(List.of("echo", "hi"))
                .environment(Map.of("A", "1"))
                .user("1000")
                .workdir("/w")
                .name("x")
                .noDeps(true)
                .removeAfter(true)
                .publish(ServiceNetworking.Port.parse("8080:80"))
                .entrypoint("sh")
                .build());
    assertThat(out()).isEqualTo("demo-web-run-1\n");
  }

  @Test
  void run_commandOptionsAfterService_areTheContainersCommand() {
    engine.containers = List.of(summary("demo-web-run-1", "web"));
    ProjectSource.loader =
        o ->
            new Project(
                "demo",
                Path.of("/srv"),
                List.of(),
                Map.of("web", ServiceFixture.named("web")),
                Map.of(),
                Map.of(),
                Map.of(),
                Map.of());

    assertThat(JcomposeCli.execute("run", "-d", "-T", "web", "sh", "-c", "echo -n hi; exit 5"))
        .isZero();

    assertThat(((RunOptions) engine.last).command())
        .containsExactly("sh", "-c", "echo -n hi; exit 5");
  }

  @Test
  void events_json_oneObjectPerLine() {
    assertThat(JcomposeCli.execute("events", "-p", "demo", "--json")).isZero();

    assertThat(out())
        .isEqualTo(
            "{\"time\":\"2026-01-02T03:04:05.5Z\",\"type\":\"container\",\"action\":\"start\",\"id\":\"demo-web-1\",\"service\":\"web\",\"attributes\":{\"image\":\"busybox\",\"service\":\"web\"}}\n");
  }

  @Test
  void engineInstallPrint_writesUnitThatSparesContainers() {
    assertThat(JcomposeCli.execute("engine", "install", "--print")).isZero();

    assertThat(out())
        .contains("ExecStart=")
        .contains("dev.jcompose.scheduler.server.EngineMain")
        .contains("KillMode=process")
        .contains("WantedBy=multi-user.target");
    assertThat(out()).doesNotContain("setsid");
  }

  @Test
  void logs_printsThroughTheService_withPrefixesSizedForEveryContainer() {
    assertThat(JcomposeCli.execute("logs", "-p", "demo", "--tail", "5", "web")).isZero();

    LogOptions o = (LogOptions) engine.last;
    assertThat(o.services()).containsExactly("web");
    assertThat(o.tail()).isEqualTo(5);
    assertThat(out()).isEqualTo("web-1  | hello\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("db-1   | oops\n");
  }

  @Test
  void exec_notRunning_isAFailure_exitOne() {
    assertThat(JcomposeCli.execute("exec", "-p", "demo", "-T", "web", "true")).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("service \"web\" is not running");
  }

  @Test
  void pull_progressOnStderr() {
    assertThat(JcomposeCli.execute("pull", "--policy", "missing")).isZero();
    assertThat(((PullOptions) engine.last).policy()).isEqualTo("missing");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(" web Pulling\n web Pulled\n");
  }

  @Test
  void pull_followsProgressJsonAndQuiet() {
    assertThat(JcomposeCli.execute("--progress", "json", "pull")).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8).lines())
        .hasSize(2)
        .allMatch(l -> l.startsWith("{") && l.contains("\"id\":\"web\""));
    err.reset();
    assertThat(JcomposeCli.execute("--progress", "quiet", "pull")).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void images_tableAndJson() {
    assertThat(JcomposeCli.execute("images")).isZero();
    assertThat(out())
        .isEqualTo(
            "CONTAINER    REPOSITORY   TAG       IMAGE ID       SIZE\n"
                + "demo-web-1   busybox      latest    abababababab   4.26MB\n"
                + "             redis        7         <none>         -\n");
  }

  @Test
  void volumeLsAndRm_goThroughTheService() {
    assertThat(JcomposeCli.execute("volume", "ls", "-p", "demo")).isZero();
    assertThat(out()).isEqualTo("DRIVER    VOLUME NAME\nlocal     demo_db\n");
    assertThat(JcomposeCli.execute("volume", "rm", "-p", "demo", "db")).isZero();
    assertThat(engine.calls).contains("volume rm demo db");
  }

  @Test
  void version_short() {
    assertThat(JcomposeCli.execute("version", "--short")).isZero();
    assertThat(out()).isEqualTo("dev\n");
  }

  static ContainerSummary summary(String name, String service) {
    return new ContainerSummary(
        "abc",
        name,
        "demo",
        service,
        1,
        "busybox",
        "sh",
        0,
        "running",
        "Up 1 second",
        "",
        0,
        List.of(),
        Map.of(),
        List.of(),
        Map.of());
  }
}
