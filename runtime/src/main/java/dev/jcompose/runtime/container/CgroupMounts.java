package dev.jcompose.runtime.container;

import static dev.jcompose.runtime.container.MountFlags.NODEV;
import static dev.jcompose.runtime.container.MountFlags.NOEXEC;
import static dev.jcompose.runtime.container.MountFlags.NOSUID;
import static dev.jcompose.runtime.container.MountFlags.RDONLY;

import dev.jcompose.runtime.shim.ShimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The container's read-only /sys/fs/cgroup, as docker mounts it: with the container's own cgroup
 * namespace, v2 is one cgroup2 mount; v1 is a tmpfs holding one mount per host hierarchy. Runtimes
 * inside (JVMs, Go) read their limits there. Hierarchies come from the host's mountinfo.
 */
final class CgroupMounts {
  private static final String ROOT = "/sys/fs/cgroup";
  private static final long FLAGS = NOSUID | NODEV | NOEXEC;

  /**
   * fstype "cgroup2", or "cgroup" with the hierarchy's dir name and mount data ("cpu",
   * "name=systemd").
   */
  record Hierarchy(String fstype, String name, String data) {}

  private CgroupMounts() {}

  static void addTo(ShimConfig c, List<Hierarchy> hierarchies) {
    if (hierarchies.stream().anyMatch(h -> h.fstype().equals("cgroup2") && h.name().isEmpty())) {
      DockerDefaults.mount(c, "cgroup2", "cgroup", ROOT, FLAGS | RDONLY, "");
      return;
    }
    List<Hierarchy> v1 = hierarchies.stream().filter(h -> h.fstype().equals("cgroup")).toList();
    if (v1.isEmpty()) {
      return;
    }
    DockerDefaults.mount(c, "tmpfs", "tmpfs", ROOT, FLAGS, "mode=755,size=64k");
    for (Hierarchy h : v1) {
      DockerDefaults.mount(c, "cgroup", "cgroup", ROOT + "/" + h.name(), FLAGS | RDONLY, h.data());
    }
    c.put("readonly", ROOT); // the tmpfs itself, once its mount points exist
  }

  /** The host's hierarchies; read once, they do not change while the engine runs. */
  static List<Hierarchy> fromHost() {
    return Host.HIERARCHIES;
  }

  private static final class Host {
    static final List<Hierarchy> HIERARCHIES = read();
  }

  private static List<Hierarchy> read() {
    try {
      return parse(Files.readAllLines(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return List.of();
    }
  }

  static List<Hierarchy> parse(List<String> mountinfo) {
    List<Hierarchy> out = new ArrayList<>();
    for (String line : mountinfo) {
      String[] f = line.split(" ");
      int dash = Arrays.asList(f).indexOf("-");
      if (dash < 0 || f.length < dash + 4 || !f[4].startsWith(ROOT)) {
        continue;
      }
      String name = f[4].equals(ROOT) ? "" : f[4].substring(ROOT.length() + 1);
      String fstype = f[dash + 1];
      if (fstype.equals("cgroup2") && !name.isEmpty() && !name.equals("unified")) {
        continue;
      }
      if (fstype.equals("cgroup") || fstype.equals("cgroup2")) {
        out.add(new Hierarchy(fstype, name, options(f[dash + 3])));
      }
    }
    return out;
  }

  private static String options(String superOptions) {
    return Arrays.stream(superOptions.split(","))
        .filter(o -> !o.equals("rw") && !o.equals("ro") && !o.startsWith("release_agent="))
        .collect(Collectors.joining(","));
  }
}
