package dev.jcompose.scheduler.verbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.engine.Engine;
import dev.jcompose.scheduler.testing.FakeImages;
import dev.jcompose.scheduler.testing.FakeNetworks;
import dev.jcompose.scheduler.testing.FakeRuntime;
import dev.jcompose.scheduler.testing.FakeVolumes;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalComposeServiceTest {
  @TempDir Path tmp;
  FakeRuntime runtime = new FakeRuntime();
  FakeNetworks networks = new FakeNetworks();
  FakeImages images = new FakeImages().with("busybox");
  FakeVolumes volumes = new FakeVolumes();
  Engine engine;
  EngineVerbs svc;
  List<Event> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() {
    engine =
        Engine.start(
            runtime,
            images,
            volumes,
            networks,
            tmp.resolve("state"),
            tmp.resolve("locks"),
            () -> {});
    svc = engine.service();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private static Project app() {
    return Proj.of("p")
        .volume("data")
        .service(
            Svc.of("db").volume("volume", "data", "/var/lib/db").volume("volume", null, "/anon"))
        .service(Svc.of("web").dependsOn("db", "service_started").port(80, "8080"))
        .build();
  }

  private List<String> progress() {
    return events.stream().map(e -> e.resource() + " " + e.action()).toList();
  }

  @Test
  void freshUp_createsNetworkVolumeAndStartsContainers() {
    List<ContainerSummary> ps = svc.up(app(), UpOptions.defaults(), events::add);

    assertThat(ps).extracting(ContainerSummary::name).containsExactly("p-db-1", "p-web-1");
    assertThat(ps).extracting(ContainerSummary::state).containsOnly("running");
    assertThat(networks.networks).containsKey("p_default");
    assertThat(volumes.volumes).containsKey("p_data");
    assertThat(volumes.populated).contains("p_data:/var/lib/db");
    assertThat(networks.ports.get("p-web-1"))
        .singleElement()
        .satisfies(b -> assertThat(b.hostPort()).isEqualTo(8080));
    assertThat(progress())
        .contains(
            "Network p_default Created",
            "Volume p_data Created",
            "Container p-db-1 Started",
            "Container p-web-1 Started");
    assertThat(runtime.calls.indexOf("start p-db-1"))
        .isLessThan(runtime.calls.indexOf("start p-web-1"));
  }

  @Test
  void freshUp_writesEtcFilesWithAddressAndEmbeddedDns() throws Exception {
    svc.up(app(), UpOptions.defaults(), events::add);
    Path etc = tmp.resolve("state/etc/p-web-1");
    assertThat(Files.readString(etc.resolve("resolv.conf")))
        .contains("\nnameserver 127.0.0.11\n")
        .containsOnlyOnce("nameserver")
        .contains("(internal resolver)");
    assertThat(networks.calls).contains("dns p-web-1");
    String hostname = runtime.containers.get("p-web-1").spec.hostname();
    assertThat(hostname).hasSize(12);
    assertThat(Files.readString(etc.resolve("hosts")))
        .contains("127.0.0.1\tlocalhost\n")
        .containsPattern("10\\.9\\.0\\.\\d+\t" + hostname);
    assertThat(networks.attached.get("p-web-1").get(0).dnsNames())
        .contains("web", "p-web-1", hostname);
  }

  @Test
  void secondUp_isNoOp() {
    svc.up(app(), UpOptions.defaults(), e -> {});
    runtime.calls.clear();
    svc.up(app(), UpOptions.defaults(), events::add);
    assertThat(runtime.calls).isEmpty();
    assertThat(progress()).contains("Container p-db-1 Running", "Container p-web-1 Running");
  }

  @Test
  void changedService_isRecreatedAlone() {
    svc.up(app(), UpOptions.defaults(), e -> {});
    runtime.calls.clear();
    Project changed =
        Proj.of("p")
            .volume("data")
            .service(
                Svc.of("db")
                    .volume("volume", "data", "/var/lib/db")
                    .volume("volume", null, "/anon"))
            .service(
                Svc.of("web").dependsOn("db", "service_started").port(80, "8080").env("NEW", "1"))
            .build();
    svc.up(changed, UpOptions.defaults(), e -> {});
    assertThat(runtime.calls)
        .containsExactly("stop p-web-1 15", "delete p-web-1", "create p-web-1", "start p-web-1");
    assertThat(runtime.containers.get("p-web-1").spec.process().env()).contains("NEW=1");
  }

  @Test
  void down_removesContainersAndNetwork_volumesOnlyWithFlag() {
    svc.up(app(), UpOptions.defaults(), e -> {});
    svc.down("p", app(), DownOptions.defaults(), events::add);
    assertThat(runtime.containers).isEmpty();
    assertThat(networks.networks).isEmpty();
    assertThat(volumes.volumes).containsKey("p_data");
    assertThat(runtime.calls.indexOf("stop p-web-1 15"))
        .isLessThan(runtime.calls.indexOf("stop p-db-1 15"));

    svc.up(app(), UpOptions.defaults(), e -> {});
    svc.down("p", null, new DownOptions(true, false, null, null), e -> {});
    assertThat(volumes.volumes).isEmpty();
  }

  @Test
  void downRmi_local_keepsTaggedImages_all_removesThemOnceNoContainerUsesThem() {
    Project p = Proj.of("p").service(Svc.of("web")).build();
    Project q = Proj.of("q").service(Svc.of("other")).build();
    images.with("p-built");
    Project built =
        Proj.of("p").service(Svc.of("web")).service(Svc.of("built").image(null)).build();
    svc.up(p, UpOptions.defaults(), e -> {});
    svc.down("p", built, new DownOptions(false, false, null, "local"), events::add);
    assertThat(images.local).containsKey("busybox").doesNotContainKey("p-built");
    assertThat(progress())
        .contains("Image p-built Removed")
        .doesNotContain("Image busybox Removed");

    svc.up(p, UpOptions.defaults(), e -> {});
    svc.up(q, UpOptions.defaults(), e -> {});
    events.clear();
    svc.down("p", p, new DownOptions(false, false, null, "all"), events::add);
    assertThat(images.local).as("q's container still runs on it").containsKey("busybox");
    assertThat(events)
        .anySatisfy(
            e -> {
              assertThat(e.resource()).isEqualTo("Image busybox");
              assertThat(e.message()).isEqualTo("Resource is still in use");
            });
    svc.down("q", q, new DownOptions(false, false, null, "all"), events::add);
    assertThat(images.local).doesNotContainKey("busybox");
    assertThat(progress()).contains("Image busybox Removed");
  }

  @Test
  void downServiceRmi_removesOnlyTheNamedServicesImages() {
    images.with("p-built");
    images.with("redis");
    Project running =
        Proj.of("p").service(Svc.of("cache").image("redis")).service(Svc.of("web")).build();
    Project p =
        Proj.of("p")
            .service(Svc.of("built").image(null))
            .service(Svc.of("cache").image("redis"))
            .service(Svc.of("web"))
            .build();
    svc.up(running, UpOptions.defaults(), e -> {});
    svc.down("p", p, new DownOptions(false, false, null, "all", List.of("cache")), events::add);
    assertThat(images.local).doesNotContainKey("redis").containsKeys("p-built", "busybox");
    assertThat(runtime.containers).containsOnlyKeys("p-web-1");
  }

  @Test
  void serviceHealthy_dependantStartsOnlyAfterDependencyIsHealthy() throws Exception {
    Project p =
        Proj.of("p")
            // failing probes before the test marks it healthy must not make it unhealthy on a slow
            // host
            .service(Svc.of("db").healthAfter(Duration.ofSeconds(30), "CMD", "true"))
            .service(Svc.of("web").dependsOn("db", "service_healthy"))
            .build();
    CompletableFuture<List<ContainerSummary>> up =
        CompletableFuture.supplyAsync(() -> svc.up(p, UpOptions.defaults(), events::add));
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.calls.contains("start p-db-1"));
    assertThat(runtime.calls).doesNotContain("start p-web-1");
    assertThat(up).isNotDone();

    runtime.healthy.add("p-db-1");
    List<ContainerSummary> ps = up.get(10, TimeUnit.SECONDS);
    assertThat(ps)
        .filteredOn(c -> c.service().equals("db"))
        .singleElement()
        .satisfies(c -> assertThat(c.health()).isEqualTo("healthy"));
    assertThat(progress())
        .containsSubsequence("Container p-db-1 Healthy", "Container p-web-1 Started");
  }

  @Test
  void serviceHealthy_unhealthyDependency_failsNamingIt() {
    Project p =
        Proj.of("p")
            .service(Svc.of("db").health("CMD", "false"))
            .service(Svc.of("web").dependsOn("db", "service_healthy"))
            .build();
    assertThatThrownBy(() -> svc.up(p, UpOptions.defaults(), events::add))
        .hasMessageContaining("container p-db-1 is unhealthy");
    assertThat(runtime.calls).doesNotContain("start p-web-1");
  }

  @Test
  void completedSuccessfully_dependantStartsAfterExitZero() throws Exception {
    Project p =
        Proj.of("p")
            .service(Svc.of("init"))
            .service(Svc.of("web").dependsOn("init", "service_completed_successfully"))
            .build();
    CompletableFuture<List<ContainerSummary>> up =
        CompletableFuture.supplyAsync(() -> svc.up(p, UpOptions.defaults(), events::add));
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.calls.contains("start p-init-1"));
    runtime.crash("p-init-1", 0);
    up.get(10, TimeUnit.SECONDS);
    assertThat(runtime.calls).contains("start p-web-1");
  }

  @Test
  void restartAlways_crashedContainerIsRestarted_butNotAfterStop() {
    Project p = Proj.of("p").service(Svc.of("web").restart("always")).build();
    svc.up(p, UpOptions.defaults(), e -> {});
    runtime.crash("p-web-1", 1);
    await().atMost(Duration.ofSeconds(5)).until(() -> runtime.starts.get("p-web-1") == 2);

    svc.stop("p", List.of(), 1, e -> {});
    assertThat(runtime.containers.get("p-web-1").status).isEqualTo(ContainerState.Status.EXITED);
    svc.start("p", StartOptions.of(List.of()), e -> {});
    assertThat(runtime.starts.get("p-web-1")).isEqualTo(3);
  }

  @Test
  void restartOnFailure2_stopsAfterTwoRestarts() {
    Project p = Proj.of("p").service(Svc.of("web").restart("on-failure:2")).build();
    svc.up(p, UpOptions.defaults(), e -> {});
    for (int i = 2; i <= 3; i++) {
      runtime.crash("p-web-1", 1);
      int expected = i;
      await().atMost(Duration.ofSeconds(5)).until(() -> runtime.starts.get("p-web-1") == expected);
    }
    runtime.crash("p-web-1", 1);
    await()
        .during(Duration.ofMillis(600))
        .atMost(Duration.ofSeconds(2))
        .until(() -> runtime.starts.get("p-web-1") == 3);
  }

  @Test
  void engineRestart_bringsBackUnlessStoppedButNotUserStopped() {
    Project p =
        Proj.of("p")
            .service(Svc.of("a").restart("unless-stopped"))
            .service(Svc.of("b").restart("unless-stopped"))
            .build();
    svc.up(p, UpOptions.defaults(), e -> {});
    svc.stop("p", List.of("b"), 1, e -> {});
    engine.close();
    runtime.crash("p-a-1", 137); // a "reboot": everything is down

    engine =
        Engine.start(
            runtime,
            images,
            volumes,
            networks,
            tmp.resolve("state"),
            tmp.resolve("locks"),
            () -> {});
    assertThat(runtime.containers.get("p-a-1").status).isEqualTo(ContainerState.Status.RUNNING);
    assertThat(runtime.containers.get("p-b-1").status).isEqualTo(ContainerState.Status.EXITED);
  }

  @Test
  void ps_showsStatusAndPorts() {
    svc.up(app(), UpOptions.defaults(), e -> {});
    svc.stop("p", List.of("db"), 1, e -> {});
    assertThat(svc.ps("p", new PsOptions(List.of(), false, List.of())))
        .extracting(ContainerSummary::name)
        .containsExactly("p-web-1");
    List<ContainerSummary> all = svc.ps("p", new PsOptions(List.of(), true, List.of()));
    assertThat(all)
        .extracting(ContainerSummary::status)
        .anyMatch(s -> s.startsWith("Exited (143)"));
    assertThat(all.get(1).publishers())
        .singleElement()
        .satisfies(pub -> assertThat(pub.publishedPort()).isEqualTo(8080));
    assertThat(all.get(1).labels())
        .containsEntry("com.docker.compose.service", "web")
        .containsKey("com.docker.compose.config-hash");
  }

  @Test
  void upWait_oneShotExitZeroCountsAsSuccess() {
    Project p = Proj.of("p").service(Svc.of("job")).build();
    svc.up(p, UpOptions.defaults(), e -> {});
    runtime.crash("p-job-1", 0);
    UpOptions wait = UpOptions.builder().waitHealthy(true).waitTimeoutSeconds(5).build();
    assertThat(svc.up(p, wait, e -> {})).isNotEmpty();
  }

  @Test
  void run_createsOneOffContainer() {
    var run =
        dev.jcompose.scheduler.api.RunOptions.builder("web")
            .command(List.of("echo", "hi"))
            .noDeps(true)
            .removeAfter(true)
            .build();
    ContainerSummary s = svc.run(app(), run, e -> {});
    assertThat(s.name()).matches("p-web-run-[0-9a-f]{6}");
    assertThat(s.labels()).containsEntry("com.docker.compose.oneoff", "True");
    assertThat(runtime.containers.get(s.name()).spec.process().args())
        .containsExactly("echo", "hi");
    runtime.crash(s.name(), 3);
    assertThat(svc.waitExit(s.name())).isEqualTo(3);
    svc.removeContainer(s.name(), false);
    assertThat(runtime.containers).doesNotContainKey(s.name());
  }

  @Test
  void containerWhoseCreationWasInterrupted_isRecreatedNotStarted() throws Exception {
    svc.up(app(), UpOptions.defaults(), e -> {});
    runtime.containers.get("p-web-1").status =
        ContainerState.Status.CREATED; // engine died between create and wiring
    Files.delete(tmp.resolve("state/created/p-web-1"));
    runtime.calls.clear();
    svc.up(app(), UpOptions.defaults(), e -> {});
    assertThat(runtime.calls).containsExactly("delete p-web-1", "create p-web-1", "start p-web-1");
  }

  @Test
  void restart_alsoRestartsDependantsWithRestartTrue() {
    Project p =
        Proj.of("p")
            .service(Svc.of("db"))
            .service(Svc.of("web").dependsOn("db", "service_started", true))
            .service(Svc.of("other"))
            .build();
    svc.up(p, UpOptions.defaults(), e -> {});
    svc.restart("p", List.of("db"), 1, e -> {});
    assertThat(runtime.starts)
        .containsEntry("p-db-1", 2)
        .containsEntry("p-web-1", 2)
        .containsEntry("p-other-1", 1);
  }

  @Test
  void dryRun_reportsEveryStepAsDockerComposeAndChangesNothing() {
    svc.up(app(), UpOptions.builder().dryRun(true).build(), events::add);
    assertThat(runtime.containers).isEmpty();
    assertThat(events)
        .extracting(e -> e.resource() + " " + e.action())
        .contains(
            "DRY-RUN MODE - Container p-web-1 Created", "DRY-RUN MODE - Container p-web-1 Started");
  }

  @Test
  void dryRunSetting_onStopAndKill_touchesNoContainer() {
    svc.up(app(), UpOptions.defaults(), e -> {});
    EngineVerbs dry = svc.with(new CallSettings(true, -1));
    dry.stop("p", List.of(), 1, events::add);
    dry.kill("p", new KillOptions(List.of(), "SIGKILL", false, List.of()), events::add);
    assertThat(runtime.containers.get("p-web-1").status).isEqualTo(ContainerState.Status.RUNNING);
    assertThat(events)
        .extracting(e -> e.resource() + " " + e.action())
        .contains(
            "DRY-RUN MODE - Container p-web-1 Stopped", "DRY-RUN MODE - Container p-web-1 Killed");
  }

  @Test
  void kill_sendsTheSignal_andTheEngineDoesNotRestartForIt() {
    Project p = Proj.of("p").service(Svc.of("web").restart("always")).build();
    svc.up(p, UpOptions.defaults(), e -> {});
    svc.kill("p", new KillOptions(List.of("web"), "KILL", false, List.of("web")), events::add);
    assertThat(runtime.containers.get("p-web-1").exit.exitCode()).isEqualTo(137);
    assertThat(runtime.starts.get("p-web-1")).isEqualTo(1);
    assertThat(events).extracting(Event::action).contains("Killing", "Killed");
  }

  @Test
  void pauseUnpause_freezeRunningContainers_andPsSaysPaused() {
    svc.up(Proj.of("p").service(Svc.of("web")).build(), UpOptions.defaults(), e -> {});
    svc.pause("p", List.of(), events::add);
    assertThat(runtime.calls).contains("pause p-web-1");
    assertThat(svc.ps("p", new PsOptions(List.of(), true, List.of())))
        .singleElement()
        .satisfies(c -> assertThat(c.state()).isEqualTo("paused"))
        .satisfies(c -> assertThat(c.status()).endsWith("(Paused)"));
    svc.unpause("p", List.of(), events::add);
    assertThat(runtime.calls).contains("unpause p-web-1");
  }

  @Test
  void remove_takesOnlyStoppedContainers_unlessStopIsAsked() {
    svc.up(Proj.of("p").service(Svc.of("web")).build(), UpOptions.defaults(), e -> {});
    assertThat(svc.remove("p", new RemoveOptions(List.of(), false, false), e -> {})).isEmpty();
    assertThat(svc.remove("p", new RemoveOptions(List.of(), true, false), e -> {}))
        .containsExactly("p-web-1");
    assertThat(runtime.containers).isEmpty();
  }

  @Test
  void run_onAProjectThatIsNotUp_createsTheServiceNetworkFirst() {
    Project p = Proj.of("p").service(Svc.of("web")).build();
    svc.run(p, RunOptions.builder("web").noDeps(true).removeAfter(true).build(), events::add);
    assertThat(networks.calls).contains("create p_default");
  }

  @Test
  void events_streamLifecycleOfTheProject() throws Exception {
    Project p = Proj.of("p").service(Svc.of("web").restart("always")).build();
    List<Event> seen = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    CompletableFuture<Void> stream =
        CompletableFuture.runAsync(() -> svc.events("p", null, seen::add, done::get));
    svc.up(p, UpOptions.defaults(), e -> {});
    runtime.crash("p-web-1", 2);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> seen.stream().anyMatch(e -> e.action().equals("restart")));
    done.set(true);
    stream.get(5, TimeUnit.SECONDS);
    assertThat(seen)
        .extracting(Event::action)
        .containsSubsequence("Started", "die", "restarting", "restart");
    assertThat(seen)
        .filteredOn(e -> e.action().equals("die"))
        .first()
        .satisfies(
            e ->
                assertThat(e.attributes())
                    .containsEntry("exitCode", "2")
                    .containsEntry("restart", "true"));
    assertThat(seen)
        .filteredOn(e -> e.action().equals("die"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.attributes())
                    .containsEntry("project", "p")
                    .containsEntry("service", "web")
                    .containsEntry("exitCode", "2"));
  }

  @Test
  void up_unknownService_isNotFound() {
    UpOptions o = UpOptions.builder().services(List.of("nope")).build();
    assertThatThrownBy(() -> svc.up(app(), o, e -> {})).hasMessage("no such service: nope");
  }
}
