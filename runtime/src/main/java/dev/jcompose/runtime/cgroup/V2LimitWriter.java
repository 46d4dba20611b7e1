package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerSpec.Blkio;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link Limits} into cgroup v2 files (kernel Documentation/admin-guide/cgroup-v2.rst):
 *
 * <pre>
 * memory            memory.max
 * memory+swap       memory.swap.max  = memswap - memory ("max" when unlimited), v2 counts swap alone
 * reservation       memory.low       (best-effort protection, docker/runc's mapping of the soft limit)
 * cpu quota/period  cpu.max          = "quota period" ("max period" without quota)
 * cpu shares        cpu.weight       = {@link Limits#cpuWeight} of the shares
 * cpuset            cpuset.cpus      (empty mems on v2 means "inherit effective": nothing to copy)
 * pids              pids.max         ("max" when unlimited)
 * blkio weight      io.bfq.weight when BFQ is there (same scale), else io.weight = {@link Limits#ioWeight}
 * device weights    the same file, "maj:min w"
 * blkio throttles   io.max           "maj:min rbps=N wbps=N riops=N wiops=N", one line per device
 * </pre>
 *
 * A missing file (controller not enabled, or memory.swap.max without swap accounting) is skipped
 * with a warning, as dockerd discards unsupported limits. cgroup v2 has no swappiness, no way to
 * disable the OOM killer and no real-time groups: docker discards those with a warning on v2
 * (pkg/sysinfo/cgroup2_linux.go), and so does this writer.
 */
final class V2LimitWriter {
  private static final System.Logger LOG = System.getLogger(V2LimitWriter.class.getName());

  private final CgroupFs fs;

  V2LimitWriter(CgroupFs fs) {
    this.fs = fs;
  }

  void apply(Path group, Limits l) {
    write(group, "memory.low", l.memoryReservation());
    write(group, "memory.max", l.memory());
    write(group, "memory.swap.max", l.v2SwapMax());
    write(group, "cpu.max", cpuMax(l));
    write(group, "cpu.weight", l.cpuShares() == null ? null : Limits.cpuWeight(l.cpuShares()));
    write(group, "cpuset.cpus", l.cpusetCpus());
    write(
        group, "pids.max", l.pids() == null ? null : l.pids() == -1 ? "max" : l.pids().toString());
    discard(l.swappiness(), "memory swappiness");
    discard(l.oomKillDisable() ? Boolean.TRUE : null, "oom_kill_disable");
    discard(l.rtRuntime() != null ? l.rtRuntime() : l.rtPeriod(), "cpu real-time runtime");
    if (l.blkio() != null) {
      writeIo(group, l.blkio());
    }
  }

  private static void discard(Object value, String what) {
    if (value != null) {
      LOG.log(Level.WARNING, "cgroup v2 has no " + what + ": " + value + " discarded");
    }
  }

  private void writeIo(Path group, Blkio b) {
    boolean bfq = fs.exists(group.resolve("io.bfq.weight"));
    String file = bfq ? "io.bfq.weight" : "io.weight";
    if (b.weight() != null && b.weight() > 0) {
      write(group, file, bfq ? b.weight() : Limits.ioWeight(b.weight()));
    }
    for (Blkio.DeviceWeight w : orEmpty(b.deviceWeights())) {
      write(group, file, w.majorMinor() + " " + (bfq ? w.weight() : Limits.ioWeight(w.weight())));
    }
    Map<String, StringBuilder> max = new LinkedHashMap<>();
    rates(max, "rbps", b.readBps());
    rates(max, "wbps", b.writeBps());
    rates(max, "riops", b.readIops());
    rates(max, "wiops", b.writeIops());
    max.forEach((dev, limits) -> write(group, "io.max", dev + limits));
  }

  private static void rates(
      Map<String, StringBuilder> max, String key, List<Blkio.DeviceRate> rates) {
    for (Blkio.DeviceRate r : orEmpty(rates)) {
      max.computeIfAbsent(r.majorMinor(), k -> new StringBuilder())
          .append(' ')
          .append(key)
          .append('=')
          .append(r.rate());
    }
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private static String cpuMax(Limits l) {
    if (l.cpuQuota() == null && l.cpuPeriod() == null) {
      return null;
    }
    long period = l.cpuPeriod() == null ? Limits.DEFAULT_CPU_PERIOD : l.cpuPeriod();
    return (l.cpuQuota() == null ? "max" : l.cpuQuota().toString()) + " " + period;
  }

  private void write(Path group, String file, Object value) {
    if (value == null) {
      return;
    }
    Path path = group.resolve(file);
    if (!fs.exists(path)) {
      LOG.log(
          Level.WARNING,
          file
              + " not available (controller not enabled or no swap accounting): limit "
              + value
              + " discarded");
      return;
    }
    fs.write(path, value.toString());
  }
}
