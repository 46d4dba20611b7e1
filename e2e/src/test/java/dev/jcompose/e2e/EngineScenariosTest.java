package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue "engine": dependency gating, restart policies, re-adoption and serialised ups. */
@Tag("root")
class EngineScenariosTest extends OneProjectPerTest {

  @Test
  void dependant_startsAfterHealthyAndCompletedDependencies() {
    jc = Jcompose.fixture("engdeps");
    jc.run(180, "up", "-d").assertOk();
    Instant dbReady = firstLogTime("db", "db ready");
    Instant initDone = firstLogTime("init", "init done");
    Instant appStarted = firstLogTime("app", "app started");
    assertThat(appStarted).isAfter(dbReady).isAfter(initDone);
    // the one-shot finished with 0 and stays exited (it has no restart policy)
    assertThat(jc.run("ps", "-a", "--format", "json", "init").assertOk().stdout())
        .contains("\"ExitCode\":0");
    assertThat(jc.run("ps", "--format", "json", "db").assertOk().stdout())
        .contains("\"Health\":\"healthy\"");
  }

  @Test
  void killedContainers_restartPerPolicy_butNotAfterStop() throws Exception {
    jc = Jcompose.fixture("engrestart");
    jc.run("up", "-d").assertOk();
    for (String service : List.of("always", "unless")) {
      killInit(service);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> runs(service) == 2 && state(service).equals("running"));
    }
    // on-failure:2 = two restarts after the first failure, then it stays down
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs("flaky") == 3 && state("flaky").equals("exited"));
    // on-failure:5 shows the backoff: 100 ms doubling per restart (100, 200, 400, 800, 1600 ms)
    await()
        .atMost(Duration.ofSeconds(40))
        .until(() -> runs("backoff") == 6 && state("backoff").equals("exited"));
    List<Instant> starts = runTimes("backoff");
    List<Long> gaps = new ArrayList<>();
    for (int i = 1; i < starts.size(); i++) {
      gaps.add(Duration.between(starts.get(i - 1), starts.get(i)).toMillis());
    }
    assertThat(gaps.get(3))
        .as("gaps %s", gaps)
        .isGreaterThanOrEqualTo(800)
        .isGreaterThan(gaps.get(2) + 200);
    assertThat(gaps.get(4))
        .as("gaps %s", gaps)
        .isGreaterThanOrEqualTo(1600)
        .isGreaterThan(gaps.get(3) + 400);
    TimeUnit.SECONDS.sleep(2);
    assertThat(runs("flaky")).isEqualTo(3);
    assertThat(runs("backoff")).isEqualTo(6);

    // an explicit stop suppresses the policy: a stopped container stays down
    jc.run("stop", "-t", "1", "always", "unless").assertOk();
    TimeUnit.SECONDS.sleep(2);
    for (String service : List.of("always", "unless")) {
      assertThat(state(service)).as(service).isEqualTo("exited");
      assertThat(runs(service)).as(service).isEqualTo(2);
    }
    // ... until start, after which the policy applies again
    jc.run("start", "unless").assertOk();
    await().atMost(Duration.ofSeconds(30)).until(() -> state("unless").equals("running"));
    killInit("unless");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> runs("unless") == 4 && state("unless").equals("running"));
  }

  @Test
  void simulatedReboot_bringsBackUnlessStopped_butNotExplicitlyStopped() throws Exception {
    jc = Jcompose.fixture("engreboot");
    jc.run("up", "-d").assertOk();
    jc.run("stop", "-t", "1", "parked").assertOk();
    jc.run("engine", "stop").assertOk();
    // a reboot ends every container and its monitor (jcshim); the engine is gone, nobody restarts
    // them
    List<Long> pids = new ArrayList<>();
    for (String service : List.of("keeper", "plain")) {
      long init = hostPid(service);
      long shim = HostProcesses.parentOf(init);
      assertThat(Files.readString(Path.of("/proc/" + shim + "/cmdline")))
          .as("monitor of " + service)
          .contains("jcshim")
          .contains(jc.root.toString());
      pids.add(shim);
      pids.add(init); // pid 1 of the container: its pid namespace dies with it
    }
    HostProcesses.kill9(pids);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> pids.stream().noneMatch(p -> Files.exists(Path.of("/proc/" + p))));
    // any command starts the engine again, which re-adopts the project
    await().atMost(Duration.ofSeconds(60)).until(() -> state("keeper").equals("running"));
    TimeUnit.SECONDS.sleep(2);
    assertThat(state("parked")).isEqualTo("exited");
    assertThat(state("plain")).isEqualTo("exited");
  }

  @Test
  void concurrentUps_serialise_oneContainerPerService() throws Exception {
    jc = Jcompose.fixture("engrestart");
    CompletableFuture<Jcompose.Result> a =
        CompletableFuture.supplyAsync(() -> jc.run(180, "up", "-d"));
    CompletableFuture<Jcompose.Result> b =
        CompletableFuture.supplyAsync(() -> jc.run(180, "up", "-d"));
    a.get(200, TimeUnit.SECONDS).assertOk();
    b.get(200, TimeUnit.SECONDS).assertOk();
    List<String> names = new ArrayList<>();
    for (JsonNode n : ps()) {
      names.add(n.get("Name").asText());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "engrestart-always-1",
            "engrestart-unless-1",
            "engrestart-flaky-1",
            "engrestart-backoff-1");
  }

  @Test
  void engineKilledMidUp_nextUpConverges_withoutDuplicates() throws Exception {
    jc = Jcompose.fixture("engfive");
    jc.run("pull", "-q").assertOk();
    Path out = jc.root.resolve("up.txt");
    Process up = jc.start(out, "up", "-d");
    Path pidFile = jc.root.resolve("run/engine.pid");
    Path containers = jc.root.resolve("data/containers");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(
            () -> Files.exists(pidFile) && Files.isDirectory(containers) && hasEntries(containers));
    new ProcessBuilder("kill", "-9", Files.readString(pidFile).trim())
        .start()
        .waitFor(10, TimeUnit.SECONDS);
    assertThat(up.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(up.exitValue())
        .as("the first up lost its engine mid-way: %s", Files.readString(out))
        .isNotZero();

    jc.run(180, "up", "-d").assertOk();
    try (var s = Files.list(containers)) {
      assertThat(s.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "engfive-s1-1", "engfive-s2-1", "engfive-s3-1", "engfive-s4-1", "engfive-s5-1");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode n : ps()) {
      assertThat(n.get("State").asText()).as(n.get("Name").asText()).isEqualTo("running");
      names.add(n.get("Name").asText());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "engfive-s1-1", "engfive-s2-1", "engfive-s3-1", "engfive-s4-1", "engfive-s5-1");
  }

  private static boolean hasEntries(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.findAny().isPresent();
    }
  }

  private Instant firstLogTime(String service, String text) {
    String out = jc.run("logs", "-t", "--no-log-prefix", "--no-color", service).assertOk().stdout();
    return out.lines()
        .filter(l -> l.contains(text))
        .map(l -> Instant.parse(l.substring(0, l.indexOf(' '))))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no '" + text + "' in logs of " + service + ":\n" + out));
  }

  /** When each run of a service printed "run", from the log's own timestamps. */
  private List<Instant> runTimes(String service) {
    return jc.run("logs", "-t", "--no-log-prefix", "--no-color", service)
        .assertOk()
        .stdout()
        .lines()
        .filter(l -> l.endsWith(" run"))
        .map(l -> Instant.parse(l.substring(0, l.indexOf(' '))))
        .sorted()
        .toList();
  }

  private int runs(String service) {
    return (int)
        jc.run("logs", "--no-log-prefix", "--no-color", service)
            .stdout()
            .lines()
            .filter("run"::equals)
            .count();
  }

  private String state(String service) throws IOException {
    for (JsonNode n : ps()) {
      if (n.get("Service").asText().equals(service)) {
        return n.get("State").asText();
      }
    }
    return "absent";
  }

  private List<JsonNode> ps() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : jc.run("ps", "-a", "--format", "json").assertOk().stdout().split("\n")) {
      if (!line.isBlank()) {
        out.add(Json.parse(line));
      }
    }
    return out;
  }

  /** The host pid of a service's container init. */
  private long hostPid(String service) {
    return HostProcesses.initOf(jc, jc.projectDir.getFileName() + "-" + service + "-1");
  }

  /** SIGKILLs a container's init from the host, as the OOM killer or a crash would end it. */
  private void killInit(String service) throws Exception {
    long pid = hostPid(service);
    assertThat(pid).isPositive();
    HostProcesses.kill9(List.of(pid));
  }
}
