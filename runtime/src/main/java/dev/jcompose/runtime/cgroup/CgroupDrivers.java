package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Picks the cgroup driver from what is actually mounted, never from the kernel version or from one
 * mount alone:
 *
 * <ul>
 *   <li><b>v2</b> when a cgroup2 mount offers the memory controller in its {@code
 *       cgroup.controllers} (the unified layout; runc/crun test statfs("/sys/fs/cgroup") ==
 *       CGROUP2_SUPER_MAGIC, which is the same thing on a normal host). Stray v1 mounts next to it
 *       (net_cls for a VPN, name=systemd for an old container) don't change that.
 *   <li><b>v1</b> otherwise when per-controller {@code cgroup} mounts exist: legacy, or hybrid when
 *       a cgroup2 without the memory controller sits at e.g. /sys/fs/cgroup/unified. Limits go to
 *       v1; the group is also created in that cgroup2 mount (as runc's fs manager does).
 *   <li><b>v2</b> on a cgroup2 mount without controllers as a last resort (groups, no limits).
 * </ul>
 *
 * Only the cgroupfs layout is implemented (groups under {@code jcompose/}); hosts whose PID 1 is
 * systemd may want a delegated unit around the engine, see research notes 2.7.
 */
public final class CgroupDrivers {
  private static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");
  private static final Path UNIFIED_ROOT = Path.of("/sys/fs/cgroup");

  private CgroupDrivers() {}

  /** The driver for this host. */
  public static CgroupDriver detect() {
    try {
      return detect(Files.readString(MOUNTINFO), new LinuxCgroupFs());
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "cannot read " + MOUNTINFO + ": " + e.getMessage(), e);
    }
  }

  /**
   * The driver for the given mountinfo text, working through {@code fs} (tests pass a fake tree).
   */
  public static CgroupDriver detect(String mountinfo, CgroupFs fs) {
    List<CgroupMount> mounts = CgroupMount.parse(mountinfo);
    List<CgroupMount> v2 = mounts.stream().filter(CgroupMount::v2).toList();
    List<CgroupMount> v1 = mounts.stream().filter(m -> !m.v2()).toList();
    Optional<CgroupMount> unifiedWithMemory =
        v2.stream().filter(m -> controllers(fs, m).contains("memory")).findFirst();
    if (unifiedWithMemory.isPresent()) {
      return new CgroupV2Driver(unifiedWithMemory.get().mountPoint(), fs);
    }
    if (!v1.isEmpty()) {
      return new CgroupV1Driver(v1, v2, fs);
    }
    if (!v2.isEmpty()) {
      return new CgroupV2Driver(preferStandard(v2).mountPoint(), fs);
    }
    throw new ContainerException(
        Kind.UNAVAILABLE,
        "no cgroup filesystem is mounted (neither cgroup2 nor v1 controllers in /proc/self/mountinfo)");
  }

  private static List<String> controllers(CgroupFs fs, CgroupMount m) {
    String content = fs.readIfExists(m.mountPoint().resolve("cgroup.controllers")).orElse("");
    return Arrays.asList(content.trim().split("\\s+"));
  }

  private static CgroupMount preferStandard(List<CgroupMount> v2) {
    return v2.stream()
        .filter(m -> m.mountPoint().equals(UNIFIED_ROOT))
        .findFirst()
        .orElse(v2.get(0));
  }
}
