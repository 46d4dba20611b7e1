package dev.jcompose.scheduler.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.testing.FakeComposeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Starts real engine processes (EngineMain serving a fake service) in a temp run root; tagged root
 * because real engines belong with the tier whose runs are serialised and leak-checked.
 */
@Tag("root")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class EngineLauncherTest {
  private Path root;
  private Map<String, String> env;

  @BeforeEach
  void tempRoot() throws IOException {
    root = Files.createTempDirectory("jcompose-test-engine-");
    env = new HashMap<>(System.getenv());
    env.put("JCOMPOSE_RUN_ROOT", root.resolve("run").toString());
    env.put("JCOMPOSE_DATA_ROOT", root.resolve("data").toString());
  }

  @AfterEach
  void stopEngineAndClean() throws IOException {
    long pid = enginePid();
    RemoteComposeService client = new RemoteComposeService(root.resolve("run/engine.sock"));
    if (EngineLauncher.answers(client)) {
      client.shutdown();
    }
    if (pid > 0) {
      ProcessHandle.of(pid)
          .ifPresent(p -> await().atMost(Duration.ofSeconds(20)).until(() -> !p.isAlive()));
    }
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void ensureRunning_noEngine_startsOneDetachedWithEnv() throws Exception {
    RemoteComposeService client = launcher(Duration.ofSeconds(60)).ensureRunning();

    long pid = client.version().pid();
    assertThat(pid).isNotEqualTo(ProcessHandle.current().pid());
    assertThat(enginePid()).isEqualTo(pid);
    assertThat(Files.readString(root.resolve("run/engine.log")))
        .contains("listening on " + root.resolve("run/engine.sock"));
    assertThat(
            client.ps(
                "demo", new dev.jcompose.scheduler.api.PsOptions(List.of(), false, List.of())))
        .hasSize(1);
  }

  @Test
  void ensureRunning_concurrentCallers_startOneEngine() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Long>> pids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        pids.add(
            pool.submit(() -> launcher(Duration.ofSeconds(60)).ensureRunning().version().pid()));
      }
      long first = pids.get(0).get(90, TimeUnit.SECONDS);
      for (Future<Long> f : pids) {
        assertThat(f.get(90, TimeUnit.SECONDS)).isEqualTo(first);
      }
      assertThat(Files.readString(root.resolve("run/engine.log"))).doesNotContain("another engine");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void engine_staleSocketFile_isReplaced() throws Exception {
    Files.createDirectories(root.resolve("run"));
    Files.writeString(root.resolve("run/engine.sock"), "stale");

    RemoteComposeService client = launcher(Duration.ofSeconds(60)).ensureRunning();

    assertThat(client.version().apiVersion()).isEqualTo("1");
  }

  @Test
  void engine_shutdown_removesSocketAndPidFile() throws Exception {
    RemoteComposeService client = launcher(Duration.ofSeconds(60)).ensureRunning();
    ProcessHandle engine = ProcessHandle.of(client.version().pid()).orElseThrow();

    client.shutdown();

    await().atMost(Duration.ofSeconds(20)).until(() -> !engine.isAlive());
    assertThat(root.resolve("run/engine.sock")).doesNotExist();
    assertThat(root.resolve("run/engine.pid")).doesNotExist();
  }

  @Test
  void ensureRunning_engineExitsAtOnce_reportsStatusAndLogTail() {
    EngineLauncher failing =
        new EngineLauncher(
            paths(),
            env,
            List.of("sh", "-c", "echo cannot mount cgroup; exit 7"),
            Duration.ofSeconds(20));

    assertThatThrownBy(failing::ensureRunning)
        .isInstanceOfSatisfying(
            ComposeException.class,
            e -> assertThat(e.kind()).isEqualTo(ComposeException.Kind.UNAVAILABLE))
        .hasMessageContaining("exited with status 7")
        .hasMessageContaining("cannot mount cgroup");
  }

  @Test
  void ensureRunning_engineNeverAnswers_givesUpAfterTimeout() {
    EngineLauncher silent =
        new EngineLauncher(paths(), env, List.of("sleep", "2"), Duration.ofMillis(300));

    assertThatThrownBy(silent::ensureRunning)
        .hasMessageContaining("did not answer")
        .hasMessageContaining("within 0 s");
  }

  @Test
  void engineOptions_compactObjectHeaders_onlyFromJava25() {
    assertThat(EngineLauncher.defaultJavaOptions(17)).doesNotContain("CompactObjectHeaders");
    assertThat(EngineLauncher.defaultJavaOptions(25)).contains("-XX:+UseCompactObjectHeaders");
    assertThat(EngineLauncher.defaultJavaOptions(25))
        .startsWith(EngineLauncher.defaultJavaOptions(17));
  }

  @Test
  void engineOptions_c1Only_serialGc() {
    assertThat(EngineLauncher.defaultJavaOptions(17))
        .contains("-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.1", "-XX:+UseSerialGC");
  }

  private EngineLauncher launcher(Duration timeout) {
    List<String> cmd = new ArrayList<>(EngineLauncher.engineCommand(env, true));
    cmd.add(cmd.indexOf("-cp"), "-Djcompose.engine.service=" + FakeComposeService.class.getName());
    return new EngineLauncher(paths(), env, cmd, timeout);
  }

  private RuntimePaths paths() {
    return RuntimePaths.fromEnvironment(env);
  }

  private long enginePid() {
    try {
      return Long.parseLong(Files.readString(root.resolve("run/engine.pid")).trim());
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }
}
