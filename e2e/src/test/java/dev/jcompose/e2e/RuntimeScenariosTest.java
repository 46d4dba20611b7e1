package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue "native runtime": real containers from the local registry, through the jcompose CLI. */
@Tag("root")
class RuntimeScenariosTest extends OneProjectPerTest {

  @Test
  void up_serviceExitsWithCode_upAndPsReportIt() throws IOException {
    jc = Jcompose.fixture("exitcode");
    Jcompose.Result up = jc.run("up", "--abort-on-container-exit");
    assertThat(up.exitCode()).isEqualTo(3);
    assertThat(up.stdout()).contains("job-1").contains("hello from job");
    JsonNode job = psJson("-a").get(0);
    assertThat(job.get("Name").asText()).isEqualTo("exitcode-job-1");
    assertThat(job.get("State").asText()).isEqualTo("exited");
    assertThat(job.get("ExitCode").asInt()).isEqualTo(3);
  }

  @Test
  void up_attachFalse_startsTheServiceButLeavesItsOutputToLogs() {
    jc = Jcompose.fixture("attachfalse");
    Jcompose.Result up = jc.run("up", "--no-color");
    assertThat(up.exitCode()).isZero();
    assertThat(up.stdout())
        .contains("Attaching to job-1")
        .contains("hello from job")
        .doesNotContain("quiet-1")
        .doesNotContain("hidden from up");
    assertThat(jc.run("logs", "--no-color", "quiet").assertOk().stdout())
        .contains("hidden from up");
  }

  @Test
  void logsFollow_detachedService_streamsNewLines() throws Exception {
    jc = Jcompose.fixture("logsfollow");
    jc.run("up", "-d").assertOk();
    Path out = jc.root.resolve("follow.txt");
    Process follow = jc.start(out, "logs", "-f", "--no-color");
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> Files.readString(out).contains("tick 10"));
      assertThat(Files.readString(out)).contains("ticker-1  | tick 1");
    } finally {
      follow.destroy();
    }
  }

  @Test
  void limits_visibleInCgroup_andOomKillReported() throws IOException {
    jc = Jcompose.fixture("limits");
    jc.run("up", "-d").assertOk();
    // docker's default cgroup namespace: the host's on v1 (the group's full path shows), a private
    // one on v2 (the group is its root)
    String groups = jc.run("exec", "-T", "limited", "cat", "/proc/self/cgroup").assertOk().stdout();
    if (Conformance.cgroupV2()) {
      assertThat(groups).contains("0::/\n");
    } else {
      // the engine's own group: the container's name and its instance (a hash of its state root)
      assertThat(groups).containsPattern("memory:/jcompose/limits-limited-1-[0-9a-f]{8}\n");
    }
    assertThat(cgroupValue("limited", "memory.limit_in_bytes", "memory.max")).isEqualTo("67108864");
    assertThat(cgroupValue("limited", "pids.max", "pids.max")).isEqualTo("64");
    assertThat(cgroupValue("limited", "cpu.cfs_quota_us", "cpu.max")).startsWith("50000");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> psByService("hog").get("State").asText().equals("exited"));
    JsonNode hog = psByService("hog");
    assertThat(hog.get("ExitCode").asInt()).isEqualTo(137);
    assertThat(hog.get("Status").asText()).contains("OOMKilled");
  }

  @Test
  void isolation_pid1OwnHostnameOwnProcesses_andUserHonoured() {
    jc = Jcompose.fixture("isolation");
    jc.run("up", "-d").assertOk();
    String ps = jc.run("exec", "-T", "box", "ps", "-o", "pid,comm").assertOk().stdout();
    assertThat(ps).containsPattern("\\s+1 sleep");
    assertThat(ps.lines().filter(l -> !l.isBlank()).count()).isEqualTo(3); // header, sleep, ps
    assertThat(jc.run("exec", "-T", "box", "hostname").assertOk().stdout().trim())
        .isEqualTo("boxhost");
    assertThat(jc.run("exec", "-T", "nobody", "id", "-u").assertOk().stdout().trim())
        .isEqualTo("65534");
    String status = jc.run("exec", "-T", "box", "cat", "/proc/1/status").assertOk().stdout();
    assertThat(status).contains("CapEff:\t00000000a80425fb"); // docker's default 14 capabilities
    assertThat(
            jc.run("exec", "-T", "box", "sh", "-c", "echo 1 > /proc/sys/kernel/panic").exitCode())
        .isNotZero();
  }

  @Test
  void volumes_namedKeptAcrossDown_removedByDownV_bindReadOnly() {
    jc = Jcompose.fixture("volumes");
    jc.run("up", "-d").assertOk();
    jc.run("exec", "-T", "app", "sh", "-c", "echo kept > /data/f").assertOk();
    assertThat(jc.run("exec", "-T", "app", "cat", "/ro/file.txt").assertOk().stdout())
        .contains("host file");
    assertThat(jc.run("exec", "-T", "app", "sh", "-c", "echo x > /ro/file.txt").exitCode())
        .isNotZero();
    jc.run("down").assertOk();
    jc.run("up", "-d").assertOk();
    assertThat(jc.run("exec", "-T", "app", "cat", "/data/f").assertOk().stdout()).contains("kept");
    assertThat(jc.run("volume", "ls", "-q").assertOk().stdout()).contains("volumes_data");
    jc.run("down", "-v").assertOk();
    assertThat(jc.run("volume", "ls", "-q").stdout()).doesNotContain("volumes_data");
  }

  @Test
  void stop_sendsStopSignal_thenKillsAfterGrace() throws IOException {
    jc = Jcompose.fixture("stopsignal");
    jc.run("up", "-d").assertOk();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jc.run("logs", "--no-color").stdout().split("ready", -1).length > 2);
    jc.run("stop").assertOk();
    assertThat(jc.run("logs", "--no-color", "polite").stdout()).contains("got usr1");
    assertThat(psByService("polite", "-a").get("ExitCode").asInt()).isEqualTo(0);
    assertThat(jc.run("logs", "--no-color", "stubborn").stdout()).contains("ignoring term");
    assertThat(psByService("stubborn", "-a").get("ExitCode").asInt()).isEqualTo(137);
  }

  @Test
  void engineKilled_containersKeepRunningAndLogging() throws Exception {
    jc = Jcompose.fixture("enginekill");
    jc.run("up", "-d").assertOk();
    Path pidFile = jc.root.resolve("run/engine.pid");
    long pid = Long.parseLong(Files.readString(pidFile).trim());
    new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
    await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(Path.of("/proc/" + pid)));
    int before = countLines(jc.run("logs", "--no-color").stdout());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> countLines(jc.run("logs", "--no-color").stdout()) > before + 5);
    assertThat(psByService("talker").get("State").asText()).isEqualTo("running");
  }

  private String cgroupValue(String service, String v1File, String v2File) throws IOException {
    String id = "limits-" + service + "-1";
    List<Path> candidates = new ArrayList<>();
    for (String ctrl : List.of("memory", "pids", "cpu", "cpu,cpuacct")) {
      ownGroup(Path.of("/sys/fs/cgroup", ctrl, "jcompose"), id)
          .ifPresent(g -> candidates.add(g.resolve(v1File)));
    }
    ownGroup(Path.of("/sys/fs/cgroup/jcompose"), id)
        .ifPresent(g -> candidates.add(g.resolve(v2File)));
    for (Path p : candidates) {
      if (Files.exists(p)) {
        return Files.readString(p).trim();
      }
    }
    throw new AssertionError("no cgroup file for " + id + " among " + candidates);
  }

  /** The group of this test's engine for container {@code id}: {@code <id>-<instance>}. */
  private static Optional<Path> ownGroup(Path parent, String id) throws IOException {
    if (!Files.isDirectory(parent)) {
      return Optional.empty();
    }
    try (var groups = Files.list(parent)) {
      return groups
          .filter(g -> g.getFileName().toString().matches(Pattern.quote(id) + "-[0-9a-f]{8}"))
          .findFirst();
    }
  }

  private JsonNode psByService(String service, String... flags) throws IOException {
    for (JsonNode n : psJson(flags)) {
      if (n.get("Service").asText().equals(service)) {
        return n;
      }
    }
    throw new AssertionError("no container of " + service);
  }

  private JsonNode psByService(String service) throws IOException {
    return psByService(service, "-a");
  }

  private List<JsonNode> psJson(String... flags) throws IOException {
    List<String> args = new ArrayList<>(List.of("ps", "--format", "json"));
    args.addAll(List.of(flags));
    String out = jc.run(args.toArray(String[]::new)).assertOk().stdout();
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        nodes.add(Json.parse(line));
      }
    }
    return nodes;
  }

  private static int countLines(String s) {
    return (int) s.lines().count();
  }
}
