package dev.jcompose.runtime.cgroup;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@link Limits} into cgroup v1 files (kernel Documentation/admin-guide/cgroup-v1/
 * memory.rst, cpusets.rst, pids.rst and scheduler/sched-bwc.rst):
 *
 * <pre>
 * memory            memory.limit_in_bytes
 * memory+swap       memory.memsw.limit_in_bytes   (only with swap accounting; else warn, as docker)
 * reservation       memory.soft_limit_in_bytes
 * cpu quota/period  cpu.cfs_quota_us / cpu.cfs_period_us
 * cpu shares        cpu.shares
 * cpuset            cpuset.cpus                   (cpuset.mems inherited at create)
 * pids              pids.max                      ("max" when unlimited)
 * </pre>
 *
 * A controller that is not mounted, or a limit file that is absent, is skipped with a warning, the
 * way dockerd discards unsupported limits ({@code pkg/sysinfo}) instead of failing the container.
 */
final class V1LimitWriter {
  private static final System.Logger LOG = System.getLogger(V1LimitWriter.class.getName());

  private final CgroupFs fs;

  V1LimitWriter(CgroupFs fs) {
    this.fs = fs;
  }

  /** {@code groups}: controller name -> the container's group directory in that hierarchy. */
  void apply(Map<String, Path> groups, Limits l) {
    Path memory = groups.get("memory");
    if (memory != null) {
      writeMemory(memory, l);
    } else if (l.memory() != null || l.memoryReservation() != null) {
      LOG.log(Level.WARNING, "memory cgroup not mounted: memory limits discarded");
    }
    Path cpu = groups.get("cpu");
    if (cpu != null) {
      writeCpu(cpu, l);
    }
    writeIfSet(groups.get("cpuset"), "cpuset.cpus", l.cpusetCpus());
    writeIfSet(
        groups.get("pids"),
        "pids.max",
        l.pids() == null ? null : l.pids() == -1 ? "max" : l.pids().toString());
  }

  private void writeMemory(Path dir, Limits l) {
    writeIfSet(dir, "memory.soft_limit_in_bytes", l.memoryReservation());
    if (l.memory() == null) {
      return;
    }
    Path memsw = dir.resolve("memory.memsw.limit_in_bytes");
    boolean swapAccounting = fs.exists(memsw);
    if (l.memorySwap() == null || !swapAccounting) {
      if (l.memorySwap() != null && l.memorySwap() != -1) {
        LOG.log(
            Level.WARNING,
            "Your kernel does not support swap limit capabilities or the cgroup is not mounted. Memory limited without swap.");
      }
      fs.write(dir.resolve("memory.limit_in_bytes"), l.memory().toString());
      return;
    }
    writeMemoryAndSwap(dir, l.memory(), l.memorySwap());
  }

  /**
   * The kernel requires memsw &gt;= limit at every moment, so the order depends on the direction:
   * when the new memsw exceeds the current limit (growing) memsw goes first, otherwise the limit
   * goes first (runc fs/memory.go setMemoryAndSwap does the same).
   */
  private void writeMemoryAndSwap(Path dir, long memory, long swap) {
    Path limitFile = dir.resolve("memory.limit_in_bytes");
    Path swapFile = dir.resolve("memory.memsw.limit_in_bytes");
    long current = Long.parseLong(fs.read(limitFile).trim());
    if (swap == -1 || current < swap) {
      fs.write(swapFile, Long.toString(swap));
      fs.write(limitFile, Long.toString(memory));
    } else {
      fs.write(limitFile, Long.toString(memory));
      fs.write(swapFile, Long.toString(swap));
    }
  }

  private void writeCpu(Path dir, Limits l) {
    writeIfSet(dir, "cpu.shares", l.cpuShares());
    if (l.cpuPeriod() == null) {
      writeIfSet(dir, "cpu.cfs_quota_us", l.cpuQuota());
      return;
    }
    // Period first, then quota; if the kernel refuses the pair in that order against the current
    // values (EINVAL when quota/period would exceed the parent's bandwidth), try the other order,
    // as crun does (cgroup-resources.c write_cpu_resources).
    try {
      fs.write(dir.resolve("cpu.cfs_period_us"), l.cpuPeriod().toString());
      writeIfSet(dir, "cpu.cfs_quota_us", l.cpuQuota());
    } catch (RuntimeException first) {
      writeIfSet(dir, "cpu.cfs_quota_us", l.cpuQuota());
      fs.write(dir.resolve("cpu.cfs_period_us"), l.cpuPeriod().toString());
    }
  }

  private void writeIfSet(Path dir, String file, Object value) {
    if (value == null) {
      return;
    }
    if (dir == null) {
      LOG.log(
          Level.WARNING, "controller for " + file + " not mounted: limit " + value + " discarded");
      return;
    }
    fs.write(dir.resolve(file), value.toString());
  }
}
