package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verbs of issue 17 through JcomposeCli.execute with a recording service: parsing, options and
 * rendering.
 */
class SurfaceTest {
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

  @Test
  void kill_takesTheSignal_andGlobalDryRunReachesTheService() {
    assertThat(JcomposeCli.execute("--dry-run", "kill", "-s", "HUP", "web")).isZero();
    assertThat(engine.calls).containsExactly("kill demo [web] HUP");
    assertThat(engine.settings).isEqualTo(new CallSettings(true, -1));
    assertThat(((KillOptions) engine.last).signal()).isEqualTo("HUP");
  }

  @Test
  void pauseUnpauseStartWait_callOneMethodEach() {
    JcomposeCli.execute("pause", "web");
    JcomposeCli.execute("unpause");
    JcomposeCli.execute("--parallel", "2", "start", "--wait", "db");
    assertThat(engine.calls)
        .containsExactly("pause demo [web]", "unpause demo []", "start demo [db] --wait");
    assertThat(engine.settings.parallel()).isEqualTo(2);
  }

  @Test
  void ls_printsDockerComposesTableAndJsonArray() {
    JcomposeCli.execute("ls");
    assertThat(out())
        .startsWith(
            "NAME      STATUS       CONFIG FILES\ndemo      running(2)   /srv/demo/compose.yaml\n");
    out.reset();
    JcomposeCli.execute("ls", "--format", "json", "--filter", "name=oth");
    assertThat(out().trim())
        .isEqualTo(
            "[{\"Name\":\"other\",\"Status\":\"exited(1)\",\"ConfigFiles\":\"/srv/other/compose.yaml\"}]");
  }

  @Test
  void top_printsEachContainerThenPsColumns() {
    JcomposeCli.execute("top");
    assertThat(out())
        .isEqualTo(
            "demo-web-1\nUID       PID       PPID      C         STIME     TTY       TIME       CMD\n"
                + "root      4242      4200      0         12:00     ?         00:00:01   sleep 300\n");
  }

  @Test
  void containerDiffAndNetworkLs_renderAsDocker() {
    JcomposeCli.execute("container", "diff", "demo-web-1");
    assertThat(out()).isEqualTo("C /etc\nA /etc/new\nD /tmp/gone\n");
    out.reset();
    JcomposeCli.execute("network", "ls", "--format", "{{.Name}} {{.Driver}}");
    assertThat(out()).isEqualTo("demo_default bridge\n");
  }

  @Test
  void imageLsAndSystemDf_renderAsDocker() {
    JcomposeCli.execute("image", "ls");
    assertThat(out())
        .contains(
            "REPOSITORY   TAG       IMAGE ID       CREATED",
            "busybox      latest    abababababab",
            "mybox        1");
    out.reset();
    JcomposeCli.execute("system", "df");
    assertThat(out())
        .contains("Images          2         1         8MB       4MB (50%)", "Build Cache");
  }

  @Test
  void rmFlagsAndImageRmForce_useTheirOwnF_notTheGlobalFile() {
    assertThat(JcomposeCli.execute("image", "rm", "-f", "busybox")).isZero();
    assertThat(engine.calls).containsExactly("image rm [busybox] true");
  }

  @Test
  void run_everythingAfterServiceIsTheCommand_andOverridesGoToTheLoader() {
    List<String> overrides = new java.util.ArrayList<>();
    ProjectSource.loader =
        options -> {
          overrides.addAll(options.overrides());
          return new Project(
              "demo",
              Path.of("/srv/demo"),
              List.of(),
              Map.of("app", dev.jcompose.model.api.Service.builder("app").build()),
              Map.of(),
              Map.of(),
              Map.of(),
              Map.of());
        };
    engine.failWith =
        new dev.jcompose.scheduler.api.ComposeException(
            dev.jcompose.scheduler.api.ComposeException.Kind.INVALID, "stop here");
    JcomposeCli.execute(
        "run",
        "-d",
        "-v",
        "./x:/y",
        "-l",
        "a=$b",
        "--cap-add",
        "NET_ADMIN",
        "app",
        "-c",
        "-p",
        "x");
    assertThat(((RunOptions) engine.last).command()).containsExactly("-c", "-p", "x");
    assertThat(overrides)
        .containsExactly(
            "{\"services\":{\"app\":{\"volumes\":[\"./x:/y\"],\"labels\":[\"a=$$b\"],\"cap_add\":[\"NET_ADMIN\"]}}}");
  }

  @Test
  void help_listsComposeVerbsInDockerComposesOrder() {
    JcomposeCli.execute("--help");
    String help = out();
    assertThat(help.indexOf("  attach "))
        .isLessThan(help.indexOf("  config "))
        .isLessThan(help.indexOf("  cp "));
    assertThat(help.indexOf("  wait ")).isLessThan(help.indexOf("  container "));
    assertThat(help).doesNotContain("__complete");
  }
}
