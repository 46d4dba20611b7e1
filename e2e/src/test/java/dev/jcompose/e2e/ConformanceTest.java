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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The project's conformance suite (issue 13): compose files whose containers print what they
 * observe, compared with what docker compose + dockerd + runc show them. One fixture folder per
 * scenario under {@code fixtures/conformance}, with the expected lines of each service in {@code
 * expected/<service>.txt} ({@code .v1.txt}/{@code .v2.txt} where the cgroup version changes
 * docker's answer); each file says where docker's behaviour is written down. Everything goes
 * through the jcompose CLI as a user types it.
 */
@Tag("root")
class ConformanceTest extends OneProjectPerTest {
  @Test
  void init_isPid1_reapsOrphans_andReportsSignalsAs128PlusSignal() throws IOException {
    up("init");
    observe("pid1", "plain");
    assertThat(exitCode("term")).as("kill -TERM of the command under an init").isEqualTo(143);
    assertThat(exitCode("kill")).as("kill -KILL of the command under an init").isEqualTo(137);
    assertThat(exitCode("plain")).as("signals a PID 1 sends itself are dropped").isEqualTo(0);
    long t0 = System.nanoTime();
    jc.run("stop", "-t", "10", "sleeper").assertOk();
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("the init forwards SIGTERM at once")
        .isLessThan(Duration.ofSeconds(8));
    assertThat(exitCode("sleeper")).isEqualTo(143);
  }

  @Test
  void logs_keepTheLastLineWithoutNewline_longLines_andALineCutByAKill() throws IOException {
    up("logs");
    observe("final", "long");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> logs("midline").contains("partial") || logs("midline").contains("ready"));
    jc.run("stop", "-t", "1", "midline").assertOk();
    observe("midline");
    // attached up shows the last line too
    Jcompose.Result attached = jc.run("up", "final");
    assertThat(attached.stdout()).contains("final-1  | done\n");
  }

  @Test
  void loggingDrivers_rotateCompressAndRefuseReadingWithNone() throws IOException {
    up("logdrivers");
    observe("rotated", "compressed", "local");
    Path logs = jc.root.resolve("data/containers");
    assertThat(logs.resolve("logdrivers-rotated-1/container.log.1")).exists();
    assertThat(logs.resolve("logdrivers-rotated-1/container.log.2")).doesNotExist();
    assertThat(logs.resolve("logdrivers-compressed-1/container.log.2.gz")).exists();
    assertThat(logs.resolve("logdrivers-local-1/container.log.1.gz")).exists();
    Jcompose.Result none = jc.run("logs", "silent");
    assertThat(none.exitCode()).isZero();
    assertThat(none.stderr())
        .contains(
            "Can't retrieve logs for \"logdrivers-silent-1\": configured logging driver does not support reading");
    assertThat(jc.run("up", "silent").stdout())
        .as("attached up still shows the output")
        .contains("silent-1  | to nowhere");
  }

  @Test
  void commandStrings_areSplitWithPosixQuoting() {
    up("command");
    observe("printf", "words");
  }

  @Test
  void etcFiles_readOnlyWithReadOnlyRootfs_fqdnInHosts_resolvConfOfTheEmbeddedDns() {
    HostChecks.egressGuard(); // the probe's lookups may be forwarded: nothing may leave the machine
    up("etc");
    observe("probe", "own53", "none");
  }

  @Test
  void dev_isDockersTmpfsWithItsNodes_consoleOnlyWithTty_maskedPathsFromItsNull() {
    up("dev");
    observe("plain", "tty");
  }

  @Test
  void cgroupNamespace_hostOnV1PrivateOnV2ByDefault_andAsAsked() {
    up("cgroupns");
    observe("default", "private", "host");
  }

  @Test
  void cgroupParent_placesTheContainersGroupsUnderIt() {
    try {
      up("cgroupparent");
      observe("box");
      jc.run("down").assertOk();
    } finally {
      Conformance.removeTopLevelCgroup("jcompose-conformance");
    }
  }

  @Test
  void pidIpcUts_private_host_andJoined() throws IOException {
    up("namespaces");
    observe("joiner", "pidhost", "private");
    assertThat(logs("utshost").trim()).isEqualTo(Conformance.hostname());
  }

  @Test
  void namedVolume_copiedUpFromTheImage_andSharedBetweenServices() {
    up("volumes");
    observe("second");
    expectations("first").check(logs("first"));
  }

  @Test
  void resources_v1Knobs_areWrittenToTheContainersGroups() {
    Assumptions.assumeFalse(
        Conformance.cgroupV2(),
        "swappiness, oom_kill_disable and real-time groups exist on cgroup v1 only");
    up("resources");
    observe("tuned");
  }

  @Test
  void labels_areTheUsersAndDockerComposes_notTheEngines() throws IOException {
    jc = Jcompose.fixture("conformance/labels");
    jc.run("up", "-d").assertOk();
    String labels = ps().get(0).get("Labels").asText();
    assertThat(labels)
        .contains(
            "com.example.team=fidelity",
            "com.docker.compose.project=labels",
            "com.docker.compose.service=app")
        .doesNotContain("dev.jcompose");
  }

  @Test
  void hooks_postStartRunsAsItsUserWithItsEnvironment_preStopBeforeDown() {
    up("hooks");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> jc.run("exec", "-T", "app", "cat", "/tmp/hook").exitCode() == 0);
    assertThat(jc.run("exec", "-T", "app", "cat", "/tmp/hook").stdout())
        .isEqualTo("started as 1000 in /tmp with hello\n");
    jc.run("down").assertOk();
    assertThat(jc.run("--profile", "read", "run", "--rm", "reader").assertOk().stdout())
        .contains("stopping");
  }

  @Test
  void hooks_aFailingPostStart_failsUpWithItsStatusAndOutput() {
    jc = Jcompose.fixture("conformance/hookfail");
    Jcompose.Result up = jc.run(180, "up", "-d");
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.stderr()).contains("bad hook exited with status 3: boom");
  }

  @Test
  void volumesFrom_copiesVolumesAndBinds_readOnlyWhenAsked() {
    up("volumesfrom");
    observe("copy");
  }

  @Test
  void secretsAndConfigs_fromTheProjectsEnvironment_withUidGidAndMode() {
    up("secrets");
    observe("app");
  }

  @Test
  void execPrivileged_hasEveryCapability() {
    up("labels");
    String plain =
        jc.run("exec", "-T", "app", "grep", "CapEff", "/proc/self/status").assertOk().stdout();
    String privileged =
        jc.run("exec", "-T", "--privileged", "app", "grep", "CapEff", "/proc/self/status")
            .assertOk()
            .stdout();
    assertThat(plain).contains("00000000a80425fb");
    // every capability the engine itself holds (its bounding set: a host may withhold some)
    assertThat(privileged.trim()).isEqualTo("CapEff:\t" + Conformance.boundingSet());
  }

  @Test
  void platform_theHostsRuns_anotherIsRefusedClearly() {
    Assumptions.assumeTrue(
        System.getProperty("os.arch").equals("amd64"),
        "the fixture names linux/amd64 as the native platform");
    jc = Jcompose.fixture("conformance/platform");
    jc.run("up", "-d", "native").assertOk();
    Jcompose.Result foreign = jc.run("up", "-d", "foreign");
    assertThat(foreign.exitCode()).isEqualTo(1);
    assertThat(foreign.stderr())
        .contains("platform linux/s390x is not supported on this host (linux/amd64)");
  }

  @Test
  void pullPolicy_every_pullsAgainOnceTheImageIsOlderThanThePeriod() throws InterruptedException {
    up("pullpolicy");
    Thread.sleep(1500);
    assertThat(jc.run("up", "-d").assertOk().stderr()).contains("Image busybox  Pulling");
  }

  @Test
  void unsupportedAttributes_areWarnedWithFileAndLine_atConfigAndUp() {
    jc = Jcompose.fixture("conformance/warnings");
    Jcompose.Result config = jc.run("config", "-q").assertOk();
    assertThat(config.stderr())
        .contains(
            "compose.yaml:5:5: services.app.storage_opt:",
            "compose.yaml:6:5: services.app.gpus:",
            "compose.yaml:8:7: services.app.deploy.placement:");
    assertThat(jc.run(180, "up", "-d").assertOk().stderr())
        .contains("compose.yaml:5:5: services.app.storage_opt:");
  }

  @Test
  void embeddedDns_keepsAnsweringAfterTheEngineRestarts() {
    up("dnsrestart");
    assertThat(jc.run("exec", "-T", "client", "nslookup", "web.").assertOk().stdout())
        .containsPattern("Name:\\s+web");
    jc.run("engine", "stop").assertOk();
    jc.run("ps").assertOk(); // the next command starts a new engine, which adopts the containers
    assertThat(jc.run("exec", "-T", "client", "nslookup", "web.").assertOk().stdout())
        .containsPattern("Name:\\s+web");
  }

  @Test
  void downRmi_all_removesTheServicesImages_soTheNextUpPullsThemAgain() {
    up("command");
    assertThat(jc.run("down", "--rmi", "all").assertOk().stderr())
        .contains("Image busybox  Removed");
    assertThat(jc.run(180, "up", "-d").assertOk().stderr()).contains("Image busybox  Pulling");
  }

  /** Brings the scenario up detached (its probes run and exit on their own). */
  private void up(String scenario) {
    jc = Jcompose.fixture("conformance/" + scenario);
    jc.run(180, "up", "-d").assertOk();
  }

  /** Waits for each service's container to exit, then checks its logs against its expectations. */
  private void observe(String... services) {
    for (String service : services) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> exited(service));
      expectations(service).check(logs(service));
    }
  }

  private Expectations expectations(String service) {
    Path dir = jc.projectDir.resolve("expected");
    Path versioned = dir.resolve(service + (Conformance.cgroupV2() ? ".v2.txt" : ".v1.txt"));
    return Expectations.read(Files.exists(versioned) ? versioned : dir.resolve(service + ".txt"));
  }

  private String logs(String service) {
    return jc.run("logs", "--no-log-prefix", "--no-color", service).assertOk().stdout();
  }

  private boolean exited(String service) throws IOException {
    return byService(service).get("State").asText().equals("exited");
  }

  private int exitCode(String service) throws IOException {
    await().atMost(Duration.ofSeconds(30)).until(() -> exited(service));
    return byService(service).get("ExitCode").asInt();
  }

  private JsonNode byService(String service) throws IOException {
    return ps().stream()
        .filter(n -> n.get("Service").asText().equals(service))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no container of " + service));
  }

  private List<JsonNode> ps() throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : jc.run("ps", "-a", "--format", "json").assertOk().stdout().split("\n")) {
      if (!line.isBlank()) {
        nodes.add(Json.parse(line));
      }
    }
    return nodes;
  }
}
