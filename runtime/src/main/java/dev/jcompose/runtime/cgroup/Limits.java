package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerSpec.Blkio;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.util.List;

/**
 * The limits to write, validated and with docker's defaults applied, independent of the cgroup
 * version. Null means "leave the kernel default". Validation messages are dockerd's ({@code
 * daemon/daemon_unix.go verifyPlatformContainerResources}) so users recognise them.
 *
 * @param memory bytes ({@code mem_limit})
 * @param memorySwap memory + swap in bytes, -1 = unlimited ({@code memswap_limit}); when only the
 *     memory limit is set docker makes it 2 x memory ({@code adaptContainerSettings}), so do we
 * @param memoryReservation soft limit in bytes ({@code mem_reservation})
 * @param cpuQuota CFS quota in microseconds per period ({@code cpus} x period, {@code cpu_quota})
 * @param cpuPeriod CFS period in microseconds
 * @param cpuShares v1 shares 2..262144 ({@code cpu_shares}); v2 converts them to a weight
 * @param cpusetCpus cpu list such as "0-1,3" ({@code cpuset})
 * @param pids pids.max; -1 = unlimited ({@code pids_limit} &lt;= 0 means unlimited in docker). No
 *     default is imposed: docker has none (podman's 2048 is a podman choice).
 * @param swappiness 0..100 ({@code mem_swappiness}); v1 only, as in docker
 * @param oomKillDisable true to disable the OOM killer ({@code oom_kill_disable}); v1 only
 * @param rtRuntime real-time runtime in microseconds per {@code rtPeriod} ({@code cpu_rt_*}); v1
 *     only
 * @param blkio weight and throttles ({@code blkio_config}), devices as "major:minor"
 */
record Limits(
    Long memory,
    Long memorySwap,
    Long memoryReservation,
    Long cpuQuota,
    Long cpuPeriod,
    Long cpuShares,
    String cpusetCpus,
    Long pids,
    Integer swappiness,
    boolean oomKillDisable,
    Long rtRuntime,
    Long rtPeriod,
    Blkio blkio) {

  /** dockerd's linuxMinMemory: below this the container cannot even start its runtime. */
  static final long MIN_MEMORY = 6L * 1024 * 1024;

  static final long DEFAULT_CPU_PERIOD = 100_000;

  static Limits of(Resources r) {
    Resources res = r == null ? Resources.none() : r;
    Long memory = positive(res.memoryLimit());
    if (memory != null && memory < MIN_MEMORY) {
      throw invalid("Minimum memory limit allowed is 6MB, got " + memory + " bytes");
    }
    Long reservation = positive(res.memoryReservation());
    if (memory != null && reservation != null && reservation > memory) {
      throw invalid(
          "Minimum memory limit can not be less than memory reservation limit ("
              + memory
              + " < "
              + reservation
              + ")");
    }
    Long quota = positive(res.cpuQuotaMicros());
    if (quota != null && quota < 1000) {
      throw invalid("CPU cfs quota can not be less than 1ms (i.e. 1000), got " + quota);
    }
    Long period = positive(res.cpuPeriodMicros());
    if (period != null && (period < 1000 || period > 1_000_000)) {
      throw invalid(
          "CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000), got "
              + period);
    }
    Long shares = positive(res.cpuShares());
    Long clampedShares = shares == null ? null : Math.max(2, Math.min(262_144, shares));
    String cpus =
        res.cpusetCpus() == null || res.cpusetCpus().isBlank() ? null : res.cpusetCpus().trim();
    Long pids = res.pidsLimit() == null ? null : res.pidsLimit() <= 0 ? -1L : res.pidsLimit();
    return new Limits(
        memory,
        swapOf(memory, res.memorySwapLimit()),
        reservation,
        quota,
        period,
        clampedShares,
        cpus,
        pids,
        swappiness(res.memorySwappiness()),
        Boolean.TRUE.equals(res.oomKillDisable()),
        positive(res.cpuRtRuntimeMicros()),
        positive(res.cpuRtPeriodMicros()),
        blkio(res.blkio()));
  }

  /** -1 (docker's "unset") and null leave the kernel's value. */
  private static Integer swappiness(Integer s) {
    if (s == null || s == -1) {
      return null;
    }
    if (s < 0 || s > 100) {
      throw invalid("Invalid value: " + s + ", valid memory swappiness range is 0-100");
    }
    return s;
  }

  private static Blkio blkio(Blkio b) {
    if (b == null) {
      return null;
    }
    if (b.weight() != null && b.weight() != 0 && (b.weight() < 10 || b.weight() > 1000)) {
      throw invalid("Range of blkio weight is from 10 to 1000");
    }
    for (Blkio.DeviceWeight w :
        b.deviceWeights() == null ? List.<Blkio.DeviceWeight>of() : b.deviceWeights()) {
      if (w.weight() < 10 || w.weight() > 1000) {
        throw invalid("Range of blkio weight is from 10 to 1000");
      }
    }
    return b;
  }

  private static Long swapOf(Long memory, Long swap) {
    if (swap == null || swap == 0) {
      return memory == null ? null : 2 * memory;
    }
    if (swap == -1) {
      return -1L;
    }
    if (memory == null) {
      throw invalid("You should always set the Memory limit when using Memoryswap limit");
    }
    if (swap < memory) {
      throw invalid(
          "Minimum memoryswap limit should be larger than memory limit ("
              + swap
              + " < "
              + memory
              + ")");
    }
    return swap;
  }

  /**
   * cgroup v2's {@code memory.swap.max} counts swap alone while v1's memsw (and docker's
   * MemorySwap) counts memory + swap: runc's ConvertMemorySwapToCgroupV2Value.
   */
  String v2SwapMax() {
    if (memorySwap == null) {
      return null;
    }
    return memorySwap == -1 ? "max" : Long.toString(memorySwap - memory);
  }

  /**
   * cgroup v2 {@code cpu.weight} (1..10000, default 100) from v1 shares (2..262144, default 1024).
   * This is the curve runc (opencontainers/cgroups ConvertCPUSharesToCgroupV2Value since 2025) and
   * crun 1.23+ use: it maps the defaults onto each other (1024 -> 100) and the ends onto the ends.
   * The older linear formula {@code 1 + (shares-2)*9999/262142} mapped 1024 to 39, giving every
   * container with default shares less CPU than a plain process; we follow the fixed one.
   */
  static long cpuWeight(long shares) {
    if (shares <= 2) {
      return 1;
    }
    if (shares >= 262_144) {
      return 10_000;
    }
    double l = Math.log((double) shares) / Math.log(2);
    double exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
    return (long) Math.ceil(Math.pow(10, exponent));
  }

  /** cgroup v2 io.weight of a v1 blkio weight 10..1000 (runc/crun ConvertBlkIOToIOWeightValue). */
  static long ioWeight(long blkioWeight) {
    return 1 + (blkioWeight - 10) * 9999 / 990;
  }

  private static Long positive(Long v) {
    return v == null || v <= 0 ? null : v;
  }

  private static ContainerException invalid(String message) {
    return new ContainerException(Kind.INVALID, message);
  }
}
