package dev.jcompose.runtime.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the host contributes to one container's init config, gathered by the runtime so that {@link
 * InitConfigBuilder} stays a pure function: the cgroup files the init joins, the host's cgroup
 * hierarchies, the init binary for {@code init: true}, and whether /proc/kcore exists (runc links
 * /dev/core to it only then).
 */
record HostView(
    List<Path> procsFiles,
    List<CgroupMounts.Hierarchy> hierarchies,
    Path initBinary,
    boolean kcore) {

  static HostView of(List<Path> procsFiles, Path initBinary) {
    return new HostView(
        procsFiles, CgroupMounts.fromHost(), initBinary, Files.exists(Path.of("/proc/kcore")));
  }

  /**
   * cgroup v2 alone (the unified layout): docker then gives containers a private cgroup namespace.
   */
  boolean unifiedCgroups() {
    return hierarchies.stream().anyMatch(h -> h.fstype().equals("cgroup2") && h.name().isEmpty());
  }
}
