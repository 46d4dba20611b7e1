package dev.jcompose.runtime.cgroup;

import java.lang.System.Logger.Level;
import java.nio.file.Path;

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
 * </pre>
 *
 * A missing file (controller not enabled, or memory.swap.max without swap accounting) is skipped
 * with a warning, as dockerd discards unsupported limits.
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
