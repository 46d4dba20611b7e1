package dev.jcompose.scheduler.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.jcompose.model.api.Project;
import dev.jcompose.netmgr.LinuxNetworkManager;
import dev.jcompose.netmgr.dns.DnsService;
import dev.jcompose.netmgr.dns.HostResolvers;
import dev.jcompose.netmgr.firewall.Firewall;
import dev.jcompose.netmgr.link.NetlinkLinkOps;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.container.LinuxContainerRuntime;
import dev.jcompose.runtime.volume.LocalVolumeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.engine.Engine;
import dev.jcompose.scheduler.testing.FakeImages;
import dev.jcompose.scheduler.testing.Proj;
import dev.jcompose.scheduler.testing.Svc;
import dev.jcompose.testkit.HostChecks;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The engine on the real kernel: real runtime (shim, cgroups), real volumes, real bridge network in
 * its own nft table, a one-layer image from the host's static busybox. Cleans up and leak-checks.
 */
@Tag("root")
class EngineRootTest {
  private static final List<String> APPLETS =
      List.of("sh", "cat", "echo", "sleep", "hostname", "true", "false", "ls", "ip");
  Path root;
  Vertx vertx;
  LinuxContainerRuntime runtime;
  LinuxNetworkManager networks;
  Engine engine;
  EngineVerbs svc;
  final List<Event> events = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void guard() {
    HostChecks.egressGuard();
  }

  @BeforeEach
  void start() throws Exception {
    root = Files.createTempDirectory("jcompose-test-sched-");
    RuntimePaths paths = new RuntimePaths(root.resolve("data"), root.resolve("run"));
    runtime = new LinuxContainerRuntime(paths, CgroupDrivers.detect());
    vertx = Vertx.vertx();
    networks =
        new LinuxNetworkManager(
            root.resolve("net"),
            new LinuxNetworkManager.Parts(
                new NetlinkLinkOps(),
                Firewall.detect("jcompose_schedtest"),
                new DnsService(vertx, 53, new HostResolvers(Path.of("/etc/resolv.conf"))),
                new PortProxies(vertx)));
    networks.start();
    FakeImages images = new FakeImages();
    images.local.put("busybox", busybox(root.resolve("image")));
    engine =
        Engine.start(
            runtime,
            images,
            new LocalVolumeService(paths),
            networks,
            root.resolve("data/state"),
            root.resolve("run/locks"),
            () -> vertx.close().toCompletionStage().toCompletableFuture().get());
    svc = engine.service();
  }

  @AfterEach
  void stop() throws Exception {
    if (Boolean.getBoolean("jcompose.test.verbose")) {
      events.forEach(
          e ->
              System.out.println(
                  e.time() + " " + e.resource() + " " + e.action() + " " + e.message()));
    }
    long t0 = System.nanoTime();
    try {
      svc.down("e2e", null, new DownOptions(true, true, 1, null), e -> {});
    } finally {
      engine.close();
    }
    if (Boolean.getBoolean("jcompose.test.verbose")) {
      System.out.println("teardown down+close ms: " + (System.nanoTime() - t0) / 1_000_000);
    }
    List<String> leaks = HostChecks.leaksMentioning(root.toString(), "jcompose_schedtest");
    new ProcessBuilder("rm", "-rf", root.toString()).start().waitFor(30, TimeUnit.SECONDS);
    assertThat(leaks).isEmpty();
  }

  @Test
  void up_healthGatedStack_runsOnBridgeAndDownCleansUp() throws Exception {
    Svc db =
        Svc.of("db")
            .command("sh", "-c", "touch /tmp/ready; sleep 1000")
            .health("CMD", "cat", "/tmp/ready")
            .stopGracePeriod(Duration.ofMillis(200));
    Svc web =
        Svc.of("web")
            .command("sh", "-c", "cat /etc/hosts /etc/resolv.conf; hostname; ls /data; sleep 1000")
            .dependsOn("db", "service_healthy")
            .volume("volume", "data", "/data")
            .stopGracePeriod(Duration.ofMillis(200));
    Project p =
        Proj.of("e2e")
            .volume("data")
            .service(db)
            .service(web)
            .service(Svc.of("job").command("sh", "-c", "exit 0"))
            .build();

    List<ContainerSummary> ps = svc.up(p, UpOptions.defaults(), events::add);

    assertThat(ps)
        .extracting(ContainerSummary::name)
        .containsExactly("e2e-db-1", "e2e-job-1", "e2e-web-1");
    assertThat(ps)
        .filteredOn(c -> c.service().equals("db"))
        .singleElement()
        .satisfies(c -> assertThat(c.health()).isEqualTo("healthy"));
    assertThat(runtime.state("e2e-web-1").orElseThrow().status())
        .isEqualTo(ContainerState.Status.RUNNING);
    String hosts = Files.readString(root.resolve("data/state/etc/e2e-web-1/hosts"));
    assertThat(hosts).containsPattern("\\d+\\.\\d+\\.\\d+\\.\\d+\t[0-9a-f]{12}");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Files.exists(runtime.state("e2e-web-1").orElseThrow().logPath())
                    && Files.readString(runtime.state("e2e-web-1").orElseThrow().logPath())
                        .contains("nameserver"));

    svc.down("e2e", p, new DownOptions(true, false, 1, null), events::add);
    assertThat(runtime.list()).isEmpty();
    assertThat(networks.list()).isEmpty();
  }

  @Test
  void restartAlways_sigkilledContainerComesBack() throws Exception {
    Svc s = Svc.of("w").command("sleep", "1000").restart("always");
    Project p = Proj.of("e2e").service(s).build();
    svc.up(p, UpOptions.defaults(), events::add);
    int pid = runtime.state("e2e-w-1").orElseThrow().pid();
    runtime.kill("e2e-w-1", 9);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                runtime
                    .state("e2e-w-1")
                    .map(st -> st.status() == ContainerState.Status.RUNNING && st.pid() != pid)
                    .orElse(false));
  }

  @Test
  void twentyServices_upAndDown_figures() {
    Proj proj = Proj.of("e2e");
    for (int i = 0; i < 20; i++) {
      Svc s =
          Svc.of(String.format("s%02d", i))
              .command("sleep", "1000")
              .stopGracePeriod(Duration.ofMillis(100));
      proj.service(s);
    }
    Project p = proj.build();
    long t0 = System.nanoTime();
    List<ContainerSummary> ps = svc.up(p, UpOptions.defaults(), events::add);
    long up = System.nanoTime() - t0;
    assertThat(ps).hasSize(20).extracting(ContainerSummary::state).containsOnly("running");
    t0 = System.nanoTime();
    svc.up(p, UpOptions.defaults(), e -> {});
    long noop = System.nanoTime() - t0;
    t0 = System.nanoTime();
    svc.down("e2e", p, new DownOptions(false, false, null, null), events::add);
    long down = System.nanoTime() - t0;
    printPhases();
    System.out.printf(
        "FIGURES 20 services: up -d %d ms, second up %d ms, down %d ms (load %s)%n",
        up / 1_000_000,
        noop / 1_000_000,
        down / 1_000_000,
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    assertThat(runtime.list()).isEmpty();
  }

  /** Mean duration of each phase (Creating->Created, ...) from the progress events. */
  private void printPhases() {
    Map<String, Event> open = new java.util.HashMap<>();
    Map<String, java.util.LongSummaryStatistics> stats = new java.util.TreeMap<>();
    for (Event e : List.copyOf(events)) {
      String a = e.action();
      if (a.endsWith("ing")) {
        open.put(e.resource() + a.substring(0, a.length() - 3), e);
      } else {
        Event start =
            open.remove(
                e.resource()
                    + a.substring(0, Math.max(0, a.length() - (a.endsWith("ed") ? 2 : 1))));
        if (start == null) {
          start = open.remove(e.resource() + a.substring(0, Math.max(0, a.length() - 1)));
        }
        if (start != null) {
          stats
              .computeIfAbsent(a, k -> new java.util.LongSummaryStatistics())
              .accept(Duration.between(start.time(), e.time()).toMillis());
        }
      }
    }
    stats.forEach(
        (k, v) ->
            System.out.printf(
                "PHASE %s mean %.0f ms max %d ms n=%d%n",
                k, v.getAverage(), v.getMax(), v.getCount()));
  }

  private static ImageHandle busybox(Path dir) throws Exception {
    Path layer = dir.resolve("layer0");
    Files.createDirectories(layer.resolve("bin"));
    Files.createDirectories(layer.resolve("etc"));
    Files.createDirectories(layer.resolve("tmp"));
    Files.copy(Path.of("/bin/busybox"), layer.resolve("bin/busybox"));
    for (String a : APPLETS) {
      Files.createSymbolicLink(layer.resolve("bin").resolve(a), Path.of("busybox"));
    }
    Files.writeString(layer.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
    Files.writeString(layer.resolve("etc/group"), "root:x:0:\n");
    ImageConfig cfg =
        new ImageConfig(
            List.of(),
            List.of("sh"),
            List.of("PATH=/bin"),
            "",
            "",
            List.of(),
            List.of(),
            null,
            Map.of(),
            null);
    return new ImageHandle("busybox", "sha256:0", "sha256:0", List.of(layer), cfg, 0);
  }
}
