package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.cgroup.CgroupDrivers;
import dev.jcompose.runtime.logs.CriLogReader;
import dev.jcompose.runtime.shim.ShimBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Figures for runtime/bench/runtime-bench.sh: start latency, monitor RSS, log write/read speed. */
public final class RuntimeBench {
  private RuntimeBench() {}

  public static void main(String[] args) throws Exception {
    Path root = Files.createTempDirectory("jcompose-test-bench-");
    var runtime =
        new LinuxContainerRuntime(
            new RuntimePaths(root.resolve("data"), root.resolve("run")), CgroupDrivers.detect());
    var image = BusyboxImage.create(root.resolve("image"));
    try {
      if (args.length > 0 && args[0].equals("phases")) {
        phases(root, image);
        return;
      }
      if (args.length > 0 && args[0].equals("seccomp")) {
        seccompCost(runtime, image, 20);
        return;
      }
      startLatency(runtime, image, 30);
      if (args.length > 0 && args[0].equals("latency")) {
        return;
      }
      monitorRss(runtime, image, 5);
      logThroughput(runtime, image);
    } finally {
      for (String id : runtime.list()) {
        runtime.delete(id);
      }
      ContainerTrees.deleteRecursively(root);
    }
  }

  /**
   * Start latency without and with docker's default seccomp filter, interleaved so that drift of a
   * shared host hits both alike; plus the Java compile time of the filter (cached per capability
   * set).
   */
  private static void seccompCost(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ImageHandle image, int n)
      throws Exception {
    long c0 = System.nanoTime();
    byte[] bpf =
        ContainerSeccomp.filter(
                Specs.spec("b-compile", image, "true"),
                CapabilityMasks.mask(CapabilityMasks.DOCKER_DEFAULT))
            .orElseThrow();
    long c1 = System.nanoTime();
    var unconfined =
        new dev.jcompose.runtime.api.ContainerSpec.Security(
            dev.jcompose.runtime.api.ContainerSpec.Seccomp.UNCONFINED, List.of());
    List<Double> without = new ArrayList<>();
    List<Double> with = new ArrayList<>();
    for (int i = 0; i < n + 2; i++) { // the first two of each are warm-up
      double off =
          createToExec(
              rt, Specs.withSecurity(Specs.spec("b-sc-off-" + i, image, "true"), unconfined));
      double on = createToExec(rt, Specs.spec("b-sc-on-" + i, image, "true"));
      if (i >= 2) {
        without.add(off);
        with.add(on);
      }
    }
    System.out.printf(
        "seccomp filter: %d instructions, first compile %.1f ms (then cached)%n",
        bpf.length / 8, (c1 - c0) / 1e6);
    System.out.printf(
        "create->exec, median of %d: unconfined %.2f ms, docker default filter %.2f ms (%+.2f"
            + " ms)%n",
        n, median(without), median(with), median(with) - median(without));
  }

  private static double createToExec(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ContainerSpec spec) throws Exception {
    long t0 = System.nanoTime();
    rt.create(spec);
    rt.start(spec.id());
    double ms = (System.nanoTime() - t0) / 1e6;
    rt.awaitExit(spec.id()).get(10, TimeUnit.SECONDS);
    rt.delete(spec.id());
    return ms;
  }

  private static void startLatency(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ImageHandle image, int n)
      throws Exception {
    List<Double> create = new ArrayList<>();
    List<Double> total = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "b-lat-" + i;
      long t0 = System.nanoTime();
      rt.create(Specs.spec(id, image, "true"));
      long t1 = System.nanoTime();
      rt.start(id); // returns once the process has exec'd: its first instruction
      long t2 = System.nanoTime();
      create.add((t1 - t0) / 1e6);
      total.add((t2 - t0) / 1e6);
      rt.awaitExit(id).get(10, TimeUnit.SECONDS);
      rt.delete(id);
    }
    System.out.printf(
        "create->exec (create+start), median of %d: %.2f ms (create %.2f ms, start %.2f ms); min %.2f ms%n",
        n, median(total), median(create), median(total) - median(create), Collections.min(total));
  }

  /** Where create's time goes (diagnostics for the startup figure). */
  private static void phases(Path root, dev.jcompose.runtime.api.ImageHandle image)
      throws Exception {
    var paths = new RuntimePaths(root.resolve("data"), root.resolve("run"));
    var cg = CgroupDrivers.detect();
    var shim =
        new dev.jcompose.runtime.shim.ShimLauncher(
            dev.jcompose.runtime.shim.ShimBinary.install(paths.dataRoot()));
    var store = new RecordStore();
    for (int i = 0; i < 8; i++) {
      String id = "b-ph-" + i;
      var spec = Specs.spec(id, image, "true");
      var dirs = ContainerDirs.of(paths, id);
      long t0 = System.nanoTime();
      var ident = ContainerPreparer.prepare(spec, dirs);
      var rec =
          ContainerRecord.created(spec, ident, "2026-01-01T00:00:00Z", "jcompose/" + spec.id());
      long t1 = System.nanoTime();
      store.write(dirs.state(), rec);
      long t2 = System.nanoTime();
      cg.create(id, spec.resources());
      long t3 = System.nanoTime();
      InitConfigBuilder.build(
              rec, dirs, HostView.of(cg.procsFiles(id), ShimBinary.init(paths.dataRoot())), 1, true)
          .writeTo(dirs.config());
      long t4 = System.nanoTime();
      int pid = shim.create(dirs.config());
      long t5 = System.nanoTime();
      dev.jcompose.runtime.shim.ShimClient.request(
          dirs.socket(), "start", java.time.Duration.ofSeconds(10));
      long t6 = System.nanoTime();
      System.out.printf(
          "prepare %.1f state %.1f cgroup %.1f config %.1f shim-create %.1f start %.1f ms (pid %d)%n",
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (t4 - t3) / 1e6,
          (t5 - t4) / 1e6,
          (t6 - t5) / 1e6,
          pid);
      Thread.sleep(50);
      shim.umount(dirs.netns());
      cg.delete(id);
      ContainerTrees.deleteRecursively(dirs.run());
      ContainerTrees.deleteRecursively(dirs.data());
    }
  }

  private static void monitorRss(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ImageHandle image, int n)
      throws Exception {
    List<Long> rss = new ArrayList<>();
    List<Long> pss = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "b-rss-" + i;
      rt.create(Specs.spec(id, image, "sleep", "1000"));
      int pid = rt.start(id).pid();
      String ppid =
          Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ")[1];
      rss.add(kb("/proc/" + ppid + "/status", "VmRSS:"));
      pss.add(kb("/proc/" + ppid + "/smaps_rollup", "Pss:"));
    }
    System.out.printf(
        "monitor (jcshim) per container: RSS median %d KiB, PSS median %d KiB%n",
        (long) median(rss), (long) median(pss));
    for (int i = 0; i < n; i++) {
      rt.delete("b-rss-" + i);
    }
  }

  private static void logThroughput(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ImageHandle image) throws Exception {
    Path lines = image.layerDirs().get(0).resolve("lines.txt");
    try (var w = Files.newBufferedWriter(lines)) {
      String line = "x".repeat(70);
      for (int i = 0; i < 1_000_000; i++) {
        w.write(line);
        w.write('\n');
      }
    }
    double toNull = timeRun(rt, image, "b-null", "cat /lines.txt > /dev/null");
    double toLog = timeRun(rt, image, "b-log", "cat /lines.txt");
    Path log = rt.state("b-log").orElseThrow().logPath();
    System.out.printf(
        "1M lines (71 MB) through the monitor into the log: %.0f ms (same cat to /dev/null: %.0f ms; log %d MB)%n",
        toLog, toNull, Files.size(log) >> 20);
    for (int i = 0; i < 3; i++) {
      AtomicLong count = new AtomicLong();
      long r0 = System.nanoTime();
      new CriLogReader()
          .read(log, LogReader.Options.all(), l -> count.incrementAndGet() > 0, () -> true);
      System.out.printf(
          "LogReader read %d lines: %.0f ms%n", count.get(), (System.nanoTime() - r0) / 1e6);
    }
  }

  private static double timeRun(
      LinuxContainerRuntime rt, dev.jcompose.runtime.api.ImageHandle image, String id, String cmd)
      throws Exception {
    rt.create(Specs.spec(id, image, "sh", "-c", cmd));
    long t0 = System.nanoTime();
    rt.start(id);
    rt.awaitExit(id).get(60, TimeUnit.SECONDS);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static long kb(String file, String key) throws Exception {
    for (String l : Files.readAllLines(Path.of(file))) {
      if (l.startsWith(key)) {
        return Long.parseLong(l.substring(key.length()).trim().split("\\s+")[0]);
      }
    }
    return -1;
  }

  private static <T extends Number> double median(List<T> xs) {
    List<Double> s = new ArrayList<>(xs.stream().map(Number::doubleValue).toList());
    Collections.sort(s);
    return s.get(s.size() / 2);
  }
}
