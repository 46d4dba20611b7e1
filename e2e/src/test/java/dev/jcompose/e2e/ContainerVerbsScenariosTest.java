package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The verbs that act on a running stack's containers, typed as a user types them: top, stats,
 * pause/unpause, kill, rm, scale, ls, wait, create + start --wait, attach, container inspect/diff,
 * export. One stack for the class (fixture {@code verbs}); each test leaves the services it uses as
 * it found them, or uses a service of its own.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerVerbsScenariosTest {
  private Jcompose jc;

  @BeforeAll
  void up() {
    jc = Jcompose.fixture("verbs");
    jc.run(180, "up", "-d", "--wait").assertOk();
  }

  @AfterAll
  void down() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void top_listsTheContainersProcessesInPsColumns() {
    String out = jc.run("top", "worker").assertOk().stdout();
    assertThat(out)
        .startsWith("verbs-worker-1\n")
        .contains("UID", "PID", "PPID", "STIME", "CMD")
        .contains("sleep 600");
  }

  @Test
  void stats_cpuAndMemoryMoveWhenTheContainerBurnsCpuAndAllocates() throws IOException {
    JsonNode before = statsOf("hog");
    assertThat(percent(before.get("CPUPerc"))).isLessThan(20);
    assertThat(before.get("MemUsage").asText()).endsWith("/ 256MiB");
    jc.run("exec", "-T", "hog", "touch", "/tmp/go").assertOk();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              JsonNode now = statsOf("hog");
              assertThat(percent(now.get("CPUPerc"))).isGreaterThan(50);
              assertThat(mebibytes(now.get("MemUsage").asText()))
                  .isGreaterThan(mebibytes(before.get("MemUsage").asText()) + 80);
              assertThat(Integer.parseInt(now.get("PIDs").asText()))
                  .isGreaterThan(Integer.parseInt(before.get("PIDs").asText()));
            });
    String table = jc.run("stats", "--no-stream").assertOk().stdout();
    assertThat(table.lines().findFirst().orElseThrow())
        .contains(
            "CONTAINER ID",
            "NAME",
            "CPU %",
            "MEM USAGE / LIMIT",
            "MEM %",
            "NET I/O",
            "BLOCK I/O",
            "PIDS");
    assertThat(table).contains("verbs-hog-1", "verbs-ticker-1");
    jc.run("restart", "-t", "0", "hog").assertOk();
  }

  @Test
  void stats_onATerminal_redrawsTheTableInPlaceEverySecondUntilCtrlC() {
    Jcompose.Result r = jc.runOnTerminalUntilInterrupted(5, "stats", "ticker");
    // docker's CLI clears the screen and homes the cursor before each round
    String[] frames = r.stdout().split("\033\\[2J\033\\[H", -1);
    assertThat(frames.length - 1).as(r.stdout()).isGreaterThanOrEqualTo(2);
    for (int i = 1; i < frames.length; i++) {
      assertThat(frames[i]).startsWith("CONTAINER ID").contains("verbs-ticker-1");
    }
    assertThat(r.stderr()).doesNotContain("Exception");
  }

  private JsonNode statsOf(String service) throws IOException {
    return Json.parse(
        jc.run("stats", "--no-stream", "--format", "json", service)
            .assertOk()
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow());
  }

  private static double percent(JsonNode n) {
    return Double.parseDouble(n.asText().replace("%", ""));
  }

  /** "123.4MiB / 256MiB" -> 123.4 (the usage side, in MiB). */
  private static double mebibytes(String usage) {
    String u = usage.split(" / ")[0];
    double v = Double.parseDouble(u.replaceAll("[A-Za-z]+$", ""));
    return u.endsWith("GiB")
        ? v * 1024
        : u.endsWith("MiB") ? v : u.endsWith("KiB") ? v / 1024 : v / (1 << 20);
  }

  @Test
  void pause_stopsTheProcessFromAdvancing_unpauseLetsItGoOn() throws InterruptedException {
    jc.run("pause", "ticker").assertOk();
    assertThat(
            jc.run("ps", "--format", "{{.Service}} {{.State}} {{.Status}}", "ticker")
                .assertOk()
                .stdout())
        .contains("ticker paused", "(Paused)");
    Thread.sleep(500); // ticks already written while freezing are flushed by now
    int frozen = lastTick();
    Thread.sleep(1500);
    assertThat(lastTick()).as("ticks while paused").isEqualTo(frozen);
    assertThat(jc.run("exec", "-T", "ticker", "true").stderr()).contains("paused");
    jc.run("unpause", "ticker").assertOk();
    await().atMost(Duration.ofSeconds(10)).until(() -> lastTick() > frozen + 2);
    assertThat(jc.run("ps", "--format", "{{.State}}", "ticker").assertOk().stdout().trim())
        .isEqualTo("running");
  }

  private int lastTick() {
    List<String> ticks =
        jc.run("logs", "--no-log-prefix", "ticker")
            .assertOk()
            .stdout()
            .lines()
            .filter(l -> l.startsWith("tick "))
            .toList();
    return ticks.isEmpty() ? 0 : Integer.parseInt(ticks.get(ticks.size() - 1).substring(5));
  }

  @Test
  void kill_sendsTheSignal_defaultKill_andTheContainerStaysExited() throws IOException {
    jc.run("kill", "-s", "SIGTERM", "trapper").assertOk();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> state("trapper").get("State").asText().equals("exited"));
    assertThat(state("trapper").get("ExitCode").asInt()).isEqualTo(42); // its trap ran
    jc.run("start", "trapper").assertOk();
    jc.run("kill", "trapper").assertOk();
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> state("trapper").get("ExitCode").asInt() == 137);
    assertThat(state("trapper").get("State").asText()).isEqualTo("exited");
    jc.run("start", "trapper").assertOk();
  }

  private JsonNode state(String service) throws IOException {
    return Json.parse(
        jc.run("ps", "-a", "--format", "json", service)
            .assertOk()
            .stdout()
            .lines()
            .findFirst()
            .orElseThrow());
  }

  @Test
  void rm_removesStoppedContainersOnly_andStopFirstWithS() throws IOException {
    jc.run("scale", "worker=2").assertOk();
    jc.run("stop", "-t", "0", "worker").assertOk();
    Jcompose.Result rm = jc.run("rm", "-f", "worker").assertOk();
    assertThat(rm.stderr())
        .contains("Container verbs-worker-1  Removed", "Container verbs-worker-2  Removed");
    assertThat(jc.run("ps", "-a", "-q", "worker").assertOk().stdout()).isBlank();
    jc.run("up", "-d", "worker").assertOk();
    assertThat(jc.run("rm", "-f", "worker").assertOk().stderr()).contains("No stopped containers");
    assertThat(jc.run("rm", "-f", "-s", "-v", "worker").assertOk().stderr())
        .contains("Stopped", "Removed");
    jc.run("up", "-d", "worker").assertOk();
  }

  @Test
  void scale_setsTheReplicaCount_upAndDown() {
    jc.run("scale", "worker=3").assertOk();
    assertThat(jc.run("ps", "-q", "worker").assertOk().stdout().lines().count()).isEqualTo(3);
    jc.run("scale", "worker=1").assertOk();
    assertThat(jc.run("ps", "--format", "{{.Name}}", "worker").assertOk().stdout().trim())
        .isEqualTo("verbs-worker-1");
  }

  @Test
  void ls_listsTheProject_asTableJsonAndFiltered() throws IOException {
    assertThat(jc.run("ls").assertOk().stdout())
        .contains("NAME", "STATUS", "CONFIG FILES")
        .contains("verbs", "running(");
    JsonNode projects = Json.parse(jc.run("ls", "--format", "json").assertOk().stdout());
    assertThat(projects.isArray()).isTrue();
    JsonNode ours = projects.path(0);
    assertThat(ours.get("Name").asText()).isEqualTo("verbs");
    assertThat(ours.get("ConfigFiles").asText()).endsWith("verbs/compose.yaml");
    assertThat(jc.run("ls", "-q", "--filter", "name=erb").assertOk().stdout().trim())
        .isEqualTo("verbs");
    assertThat(jc.run("ls", "-q", "--filter", "name=nomatch").assertOk().stdout()).isBlank();
  }

  @Test
  void wait_blocksUntilTheServiceStops_andReturnsItsExitCode() {
    jc.run("--profile", "jobs", "up", "-d", "job").assertOk();
    Jcompose.Result wait = jc.run(60, "wait", "job");
    assertThat(wait.exitCode()).isEqualTo(5);
    assertThat(wait.stdout().trim()).isEqualTo("5");
    jc.run("rm", "-f", "job").assertOk();
  }

  @Test
  void create_makesTheContainerWithoutStarting_startWaitWaitsUntilHealthy() throws IOException {
    jc.run("--profile", "later", "create", "lazy").assertOk();
    assertThat(state("lazy").get("State").asText()).isEqualTo("created");
    Jcompose.Result start = jc.run("start", "--wait", "--wait-timeout", "60", "lazy").assertOk();
    assertThat(start.stderr()).contains("Container verbs-lazy-1  Healthy");
    assertThat(state("lazy").get("Health").asText()).isEqualTo("healthy");
    jc.run("rm", "-f", "-s", "lazy").assertOk();
  }

  @Test
  void attach_feedsStdinToTheContainer_andReturnsItsExitCodeWhenItEnds() {
    Jcompose.Result attach = jc.runWithInput(60, "hello\nworld\n", "attach", "reader");
    assertThat(attach.exitCode()).isZero();
    assertThat(attach.stdout()).contains("got:hello", "got:world", "reader-done");
    jc.run("up", "-d", "reader").assertOk();
  }

  @Test
  void attach_onATerminal_typesIntoTheContainersTty_andReturnsItsExitCode() {
    jc.run("--profile", "tty", "up", "-d", "ttyreader").assertOk();
    try {
      Jcompose.Result attach =
          jc.runOnTerminal(60, "hello\n", "--profile", "tty", "attach", "ttyreader");
      assertThat(attach.exitCode()).isEqualTo(3);
      assertThat(attach.stdout()).contains("tty-got:hello");
    } finally {
      jc.run("--profile", "tty", "rm", "-f", "-s", "ttyreader").assertOk();
    }
  }

  @Test
  void containerInspect_showsStateHealthMountsNetworksAndLimits() throws IOException {
    JsonNode hog =
        Json.parse(jc.run("container", "inspect", "verbs-hog-1").assertOk().stdout()).path(0);
    assertThat(hog.get("Name").asText()).isEqualTo("/verbs-hog-1");
    assertThat(hog.path("State").path("Status").asText()).isEqualTo("running");
    assertThat(hog.path("HostConfig").path("Memory").asLong()).isEqualTo(256L << 20);
    assertThat(
            hog.path("NetworkSettings")
                .path("Networks")
                .path("verbs_default")
                .path("IPAddress")
                .asText())
        .matches("\\d+\\.\\d+\\.\\d+\\.\\d+");
    assertThat(hog.path("Config").path("Labels").path("com.docker.compose.service").asText())
        .isEqualTo("hog");
    assertThat(hog.get("Mounts").isArray()).isTrue();
    JsonNode checked =
        Json.parse(jc.run("container", "inspect", "checked").assertOk().stdout()).path(0);
    assertThat(checked.path("State").path("Health").path("Status").asText()).isEqualTo("healthy");
    assertThat(checked.path("State").path("Health").path("Log").size()).isPositive();
    assertThat(
            jc.run("container", "inspect", "--format", "{{json .State}}", "checked")
                .assertOk()
                .stdout())
        .contains("\"Health\"");
  }

  @Test
  void containerDiff_listsWhatTheContainerAddedChangedAndDeleted() {
    jc.run(
            "exec",
            "-T",
            "worker",
            "sh",
            "-c",
            "echo x > /tmp/added && rm /bin/sync && mkdir -p /srv/new")
        .assertOk();
    String diff = jc.run("container", "diff", "worker").assertOk().stdout();
    assertThat(diff.lines()).contains("A /tmp/added", "D /bin/sync", "A /srv/new", "C /bin");
  }

  @Test
  void export_writesTheContainersFilesystemAsATar() throws Exception {
    Path tar = jc.root.resolve("export.tar");
    jc.run("export", "-o", tar.toString(), "worker").assertOk();
    List<String> names = tarNames(tar);
    assertThat(names).contains("bin/busybox", "etc/passwd", "proc/");
    assertThat(names).noneMatch(n -> n.startsWith("proc/1/"));
  }

  @Test
  void commit_makesAnImageOfTheContainersChanges_thatAServiceRuns() throws IOException {
    jc.run("exec", "-T", "worker", "sh", "-c", "echo committed > /srv-committed").assertOk();
    jc.run("commit", "-c", "ENV MARK=yes", "-m", "a note", "worker", "verbs-snap:1").assertOk();
    JsonNode snap =
        Json.parse(jc.run("image", "inspect", "verbs-snap:1").assertOk().stdout()).path(0);
    JsonNode base = Json.parse(jc.run("image", "inspect", "busybox").assertOk().stdout()).path(0);
    assertThat(snap.path("RootFS").path("Layers").size())
        .isEqualTo(base.path("RootFS").path("Layers").size() + 1);
    assertThat(snap.path("Config").path("Env").toString()).contains("MARK=yes");
    assertThat(
            jc.run(
                    120,
                    "--profile",
                    "snap",
                    "run",
                    "--rm",
                    "-T",
                    "snap",
                    "sh",
                    "-c",
                    "cat /srv-committed; echo mark=$MARK")
                .assertOk()
                .stdout())
        .contains("committed", "mark=yes");
  }

  @Test
  void commit_overABaseWithMalformedHistory_writesOneHistoryEntryPerLayer() throws Exception {
    for (String service : List.of("shorthist", "longhist")) {
      jc.run(120, "--profile", "history", "up", "-d", service).assertOk();
      String image = "verbs-" + service + ":1";
      jc.run("commit", "-m", "fixed", service, image).assertOk();
      jc.run("--profile", "history", "rm", "-f", "-s", service).assertOk();
      SavedConfig base = saved("jcompose-test/" + service.replace("hist", "-history"));
      assertThat(base.nonEmptyHistory()).as(service + "'s base").isNotEqualTo(base.layers());
      SavedConfig made = saved(image);
      assertThat(made.layers()).as(service).isEqualTo(base.layers() + 1);
      assertThat(made.nonEmptyHistory()).as(service).isEqualTo(made.layers());
      JsonNode own = made.config().path("history").path(made.config().path("history").size() - 1);
      assertThat(own.path("created_by").asText()).isEqualTo("jcompose commit");
      assertThat(own.path("comment").asText()).isEqualTo("fixed");
    }
  }

  private record SavedConfig(JsonNode config, int layers, long nonEmptyHistory) {}

  /** The image's config as skopeo reads it from {@code image save}'s archive. */
  private SavedConfig saved(String image) throws Exception {
    int layers =
        Json.parse(jc.run("image", "inspect", image).assertOk().stdout())
            .path(0)
            .path("RootFS")
            .path("Layers")
            .size();
    Path tar = jc.root.resolve(image.replaceAll("[/:]", "-") + ".tar");
    jc.run("image", "save", "-o", tar.toString(), image).assertOk();
    JsonNode config = Json.parse(Skopeo.run("inspect", "--config", "docker-archive:" + tar));
    Files.delete(tar);
    assertThat(config.path("rootfs").path("diff_ids").size()).as(image).isEqualTo(layers);
    long nonEmpty =
        config.path("history").elements().stream()
            .filter(h -> !h.path("empty_layer").asBoolean())
            .count();
    return new SavedConfig(config, layers, nonEmpty);
  }

  @Test
  void execPrivileged_getsEveryCapability_aPlainExecTheDefaultSet() throws Exception {
    String plain =
        jc.run("exec", "-T", "worker", "grep", "CapEff", "/proc/self/status").assertOk().stdout();
    String privileged =
        jc.run("exec", "-T", "--privileged", "worker", "grep", "CapEff", "/proc/self/status")
            .assertOk()
            .stdout();
    // docker's default set is 00000000a80425fb; privileged has every capability the engine may
    // give: the host's bounding set (all the kernel knows on a full host, fewer inside a sandbox)
    assertThat(plain).contains("00000000a80425fb");
    assertThat(privileged).isEqualTo("CapEff:\t" + hostBoundingSet() + "\n");
  }

  private static String hostBoundingSet() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("CapBnd:"))
        .map(l -> l.substring("CapBnd:".length()).strip())
        .findFirst()
        .orElseThrow();
  }

  private List<String> tarNames(Path tar) throws Exception {
    Process p = new ProcessBuilder("tar", "-tf", tar.toString()).redirectErrorStream(true).start();
    List<String> out =
        new ArrayList<>(new String(p.getInputStream().readAllBytes()).lines().toList());
    p.waitFor();
    assertThat(Files.size(tar)).isPositive();
    return out;
  }
}
