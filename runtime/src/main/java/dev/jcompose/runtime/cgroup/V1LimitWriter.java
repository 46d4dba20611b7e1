package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerSpec.Blkio;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
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
 * swappiness        memory.swappiness
 * oom kill disable  memory.oom_control            = 1
 * real-time         cpu.rt_period_us / cpu.rt_runtime_us  (the parent gets the root's budget first)
 * blkio weight      blkio.weight or blkio.bfq.weight (and *_device "maj:min w")
 * blkio throttles   blkio.throttle.{read,write}_{bps,iops}_device  "maj:min rate", one per device
 * </pre>
 *
 * A controller that is not mounted, or a limit file that is absent, is skipped with a warning, the
 * way dockerd discards unsupported limits ({@code pkg/sysinfo}) instead of failing the container.
 */
final class V1LimitWriter {
  private static final String RT_RUNTIME = "cpu.rt_runtime_us";

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
    if (l.blkio() != null) {
      writeBlkio(groups.get("blkio"), l.blkio());
    }
  }

  private void writeBlkio(Path dir, Blkio b) {
    if (dir == null) {
      LOG.log(Level.WARNING, "blkio cgroup not mounted: blkio_config discarded");
      return;
    }
    String weightFile =
        fs.exists(dir.resolve("blkio.weight")) ? "blkio.weight" : "blkio.bfq.weight";
    if (b.weight() != null && b.weight() > 0) {
      writeIfPresent(dir, weightFile, b.weight().toString());
    }
    for (Blkio.DeviceWeight w : orEmpty(b.deviceWeights())) {
      writeIfPresent(dir, weightFile + "_device", w.majorMinor() + " " + w.weight());
    }
    writeRates(dir, "blkio.throttle.read_bps_device", b.readBps());
    writeRates(dir, "blkio.throttle.write_bps_device", b.writeBps());
    writeRates(dir, "blkio.throttle.read_iops_device", b.readIops());
    writeRates(dir, "blkio.throttle.write_iops_device", b.writeIops());
  }

  private void writeRates(Path dir, String file, List<Blkio.DeviceRate> rates) {
    for (Blkio.DeviceRate r : orEmpty(rates)) {
      writeIfPresent(dir, file, r.majorMinor() + " " + r.rate());
    }
  }

  /** A file the kernel lacks (no BFQ, no throttling) is skipped with docker's kind of warning. */
  private void writeIfPresent(Path dir, String file, String value) {
    if (!fs.exists(dir.resolve(file))) {
      LOG.log(Level.WARNING, file + " not available on this kernel: " + value + " discarded");
      return;
    }
    fs.write(dir.resolve(file), value);
  }

  private static <T> List<T> orEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }

  private void writeMemory(Path dir, Limits l) {
    writeIfSet(dir, "memory.soft_limit_in_bytes", l.memoryReservation());
    if (l.swappiness() != null) {
      writeIfPresent(dir, "memory.swappiness", l.swappiness().toString());
    }
    if (l.oomKillDisable()) {
      writeIfPresent(dir, "memory.oom_control", "1");
    }
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
    writeRealtime(dir, l);
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

  /**
   * A group's real-time runtime must fit in its parent's (sched-rt-group.rst), and new groups get
   * 0, so each ancestor below the root first takes its own parent's budget, top down, as dockerd
   * hands its cgroup parents the runtime of the daemon's when a container asks for one
   * (initCPURtController walks up to the mount root the same way).
   */
  private void writeRealtime(Path dir, Limits l) {
    if (l.rtRuntime() == null && l.rtPeriod() == null) {
      return;
    }
    if (!fs.exists(dir.resolve(RT_RUNTIME))) {
      LOG.log(
          Level.WARNING,
          "Your kernel does not support cgroup cpu real-time runtime: cpu_rt_* discarded");
      return;
    }
    if (l.rtRuntime() != null) {
      takeBudget(dir, l.rtRuntime());
    }
    writeIfSet(dir, "cpu.rt_period_us", l.rtPeriod());
    writeIfSet(dir, RT_RUNTIME, l.rtRuntime());
  }

  /** Gives {@code group}'s parent (unless it is the root) at least its own parent's budget. */
  private void takeBudget(Path group, long needed) {
    Path parent = group.getParent();
    Path grandParent = parent == null ? null : parent.getParent();
    if (grandParent == null || !fs.exists(grandParent.resolve(RT_RUNTIME))) {
      return; // parent is the hierarchy's root: its budget is the system's
    }
    if (Long.parseLong(fs.read(parent.resolve(RT_RUNTIME)).trim()) >= needed) {
      return;
    }
    takeBudget(parent, needed);
    fs.write(parent.resolve(RT_RUNTIME), fs.read(grandParent.resolve(RT_RUNTIME)).trim());
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
