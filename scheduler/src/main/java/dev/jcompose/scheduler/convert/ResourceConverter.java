package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.runtime.api.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Compose resource limits and ulimits to runtime cgroup limits and rlimits. */
public final class ResourceConverter {
  /** Docker's CFS period for {@code --cpus}: 100 ms (moby daemon/oci_linux.go). */
  public static final long CFS_PERIOD = 100_000L;

  private ResourceConverter() {}

  public static ContainerSpec.Resources resources(ServiceResources r) {
    if (r == null) {
      return ContainerSpec.Resources.none();
    }
    Long quota = r.cpuQuota();
    Long period = r.cpuPeriod();
    if (r.nanoCpus() != null && r.nanoCpus() > 0) {
      // Docker: NanoCPUs -> quota = nano * period / 1e9 with the default period.
      period = CFS_PERIOD;
      quota = r.nanoCpus() * CFS_PERIOD / 1_000_000_000L;
    }
    Long pids = r.pidsLimit() != null && r.pidsLimit() > 0 ? r.pidsLimit() : null;
    Integer swappiness = r.memSwappiness() == null ? null : r.memSwappiness().intValue();
    return new ContainerSpec.Resources(
        r.memLimit(),
        r.memswapLimit(),
        r.memReservation(),
        quota,
        period,
        r.cpuShares(),
        r.cpuset(),
        pids,
        r.oomScoreAdj(),
        swappiness,
        r.oomKillDisable(),
        r.cpuRtRuntime(),
        r.cpuRtPeriod(),
        blkio(r.blkio()));
  }

  /** Device paths become "major:minor" of the host's block device, as dockerd resolves them. */
  static ContainerSpec.Blkio blkio(ServiceResources.Blkio b) {
    if (b == null) {
      return null;
    }
    return new ContainerSpec.Blkio(
        b.weight(),
        each(
            b.weightDevice(),
            d ->
                new ContainerSpec.Blkio.DeviceWeight(
                    BlockDevices.majorMinor(d.path()), (int) d.value())),
        rates(b.deviceReadBps()),
        rates(b.deviceWriteBps()),
        rates(b.deviceReadIops()),
        rates(b.deviceWriteIops()));
  }

  private static List<ContainerSpec.Blkio.DeviceRate> rates(
      List<ServiceResources.DeviceValue> values) {
    return each(
        values,
        d -> new ContainerSpec.Blkio.DeviceRate(BlockDevices.majorMinor(d.path()), d.value()));
  }

  private static <T> List<T> each(
      List<ServiceResources.DeviceValue> values, Function<ServiceResources.DeviceValue, T> f) {
    return values == null ? List.of() : values.stream().map(f).toList();
  }

  /** ulimits as rlimits named like OCI ("RLIMIT_NOFILE"), sorted by name. */
  public static List<ContainerSpec.Rlimit> rlimits(Map<String, ServiceResources.Ulimit> ulimits) {
    List<ContainerSpec.Rlimit> out = new ArrayList<>();
    ulimits.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            e ->
                out.add(
                    new ContainerSpec.Rlimit(
                        "RLIMIT_" + e.getKey().toUpperCase(Locale.ROOT),
                        e.getValue().soft(),
                        e.getValue().hard())));
    return out;
  }
}
