package dev.jcompose.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.cli.JcomposeCli;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ComposeServices;
import dev.jcompose.scheduler.api.EngineControl;
import dev.jcompose.testkit.TestRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The verbs end to end, in process through {@link JcomposeCli#execute}, against a real engine
 * process (started by the CLI, detached) and real containers, in a temp state root. Needs root, the
 * test registry ({@link TestRegistry}, scripts/registry.sh) and the test images.
 */
@Tag("root")
@Timeout(value = 180, unit = TimeUnit.SECONDS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliEndToEndTest {
  private static final String COMPOSE =
      """
      services:
        job:
          image: busybox
          command: ["sh", "-c", "echo hello from job; exit 3"]
        ticker:
          image: busybox
          command: ["sh", "-c", "i=0; while true; do i=$((i+1)); echo tick $$i; sleep 0.2; done"]
          stop_grace_period: 1s
      """;

  private static Path root;
  private static Path file;
  private static Map<String, String> env;
  // the CLI's doors this class replaces, put back after it: later classes in the same JVM use them
  private static Function<CallSettings, ComposeService> savedServices;
  private static Supplier<EngineControl> savedEngineControl;
  private static ProjectSource.Loader savedLoader;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  @BeforeAll
  static void setUp() throws IOException {
    root = Files.createTempDirectory("jcompose-test-cli-");
    file = root.resolve("app/compose.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, COMPOSE);
    env = new HashMap<>(System.getenv());
    env.put("JCOMPOSE_DATA_ROOT", root.resolve("data").toString());
    env.put("JCOMPOSE_RUN_ROOT", root.resolve("run").toString());
    env.put("JCOMPOSE_REGISTRY_MIRRORS", TestRegistry.url());
    savedServices = CommandContext.services;
    savedEngineControl = CommandContext.engineControl;
    savedLoader = ProjectSource.loader;
    CommandContext.services = s -> ComposeServices.forEnvironment(env, s);
    CommandContext.engineControl = () -> ComposeServices.engineFor(env);
    ProjectSource.loader = dev.jcompose.model.ProjectLoader::load;
  }

  @AfterAll
  static void tearDown() throws IOException {
    try {
      jc(new ByteArrayOutputStream(), "down", "-t", "0");
    } finally {
      ComposeServices.engineFor(env).stop();
      CommandContext.services = savedServices;
      CommandContext.engineControl = savedEngineControl;
      ProjectSource.loader = savedLoader;
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int jc(ByteArrayOutputStream sink, String... args) {
    PrintStream saved = System.out;
    System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
    try {
      List<String> all = new ArrayList<>(List.of("-f", file.toString(), "-p", "e2e"));
      all.addAll(List.of(args));
      return JcomposeCli.execute(all.toArray(String[]::new));
    } finally {
      System.setOut(saved);
    }
  }

  private int jc(String... args) {
    out.reset();
    return jc(out, args);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  @Order(1)
  void upDetached_startsEngineAndContainers_psShowsExitCode() {
    assertThat(jc("up", "-d")).isZero();

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(jc("ps", "-a", "--format", "json")).isZero();
              assertThat(out())
                  .contains("\"Name\":\"e2e-job-1\"")
                  .contains("\"ExitCode\":3")
                  .contains("\"State\":\"exited\"");
            });
    assertThat(jc("ps")).isZero();
    assertThat(out()).contains("e2e-ticker-1").doesNotContain("e2e-job-1");
  }

  @Test
  @Order(2)
  void logs_readFilesDirectly_withPrefixAndTail() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(jc("logs", "--tail", "2", "job", "ticker")).isZero();
              assertThat(out())
                  .contains("job-1     | hello from job")
                  .contains("ticker-1  | tick ");
            });
    assertThat(out().lines().filter(l -> l.startsWith("ticker-1")).count()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void exec_passesExitCodeThrough() {
    assertThat(jc("exec", "-T", "ticker", "sh", "-c", "echo in-exec; exit 7")).isEqualTo(7);
  }

  @Test
  @Order(4)
  void runRm_passesExitCodeThrough_andRemovesContainer() {
    assertThat(jc("run", "--rm", "-T", "ticker", "sh", "-c", "echo one-off; exit 5")).isEqualTo(5);

    assertThat(out()).contains("one-off");
    jc("ps", "-a");
    assertThat(out()).doesNotContain("run");
  }

  @Test
  @Order(5)
  void stopStartRestart() {
    assertThat(jc("stop", "-t", "1", "ticker")).isZero();
    jc("ps", "-a", "--status", "exited");
    assertThat(out()).contains("e2e-ticker-1");

    assertThat(jc("start", "ticker")).isZero();
    jc("ps");
    assertThat(out()).contains("e2e-ticker-1");

    assertThat(jc("restart", "-t", "1", "ticker")).isZero();
    jc("ps");
    assertThat(out()).contains("e2e-ticker-1");
  }

  @Test
  @Order(6)
  void upAttached_exitCodeFrom_returnsThatCode() {
    assertThat(jc("up", "--exit-code-from", "job", "-t", "1", "job")).isEqualTo(3);

    assertThat(out())
        .contains("Attaching to job-1")
        .contains("job-1  | hello from job")
        .contains("job-1 exited with code 3");
  }

  @Test
  @Order(7)
  void down_removesEverything() {
    assertThat(jc("down", "-t", "1")).isZero();

    jc("ps", "-a", "-q");
    assertThat(out()).isEmpty();
    assertThat(root.resolve("data/containers")).isEmptyDirectory();
  }
}
