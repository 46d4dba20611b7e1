package dev.jcompose.scheduler.convert;

import dev.jcompose.model.api.ServiceResources;
import dev.jcompose.runtime.api.ContainerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    return new ContainerSpec.Resources(
        r.memLimit(),
        r.memswapLimit(),
        r.memReservation(),
        quota,
        period,
        r.cpuShares(),
        r.cpuset(),
        pids,
        r.oomScoreAdj());
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
