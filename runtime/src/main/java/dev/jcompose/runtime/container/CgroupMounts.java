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
 * The container's read-only /sys/fs/cgroup, as runc mounts it: v2 is one cgroup2 mount; v1 is a
 * tmpfs holding one mount per host hierarchy (and the links of co-mounted controllers, cpu ->
 * cpu,cpuacct). In the container's own cgroup namespace those are fresh cgroup mounts, whose root
 * is the container's group; in the host's (docker's default on v1) they are binds of the
 * container's own group directories, so the container still sees only its own group and limits
 * (runc mountCgroupV1/V2). Runtimes inside (JVMs, Go) read their limits there.
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

  /**
   * @param ownGroups the container's {@code cgroup.procs} files, one per hierarchy, when it stays
   *     in the host's cgroup namespace (their directories are bound); empty with its own namespace
   */
  static void addTo(ShimConfig c, List<Hierarchy> hierarchies, List<Path> ownGroups) {
    if (hierarchies.stream().anyMatch(h -> h.fstype().equals("cgroup2") && h.name().isEmpty())) {
      mount(c, new Hierarchy("cgroup2", "", ""), ROOT, ownGroups);
      return;
    }
    List<Hierarchy> v1 = hierarchies.stream().filter(h -> h.fstype().equals("cgroup")).toList();
    if (v1.isEmpty()) {
      return;
    }
    DockerDefaults.mount(c, "tmpfs", "tmpfs", ROOT, FLAGS, "mode=755,size=64k");
    for (Hierarchy h : v1) {
      mount(c, h, ROOT + "/" + h.name(), ownGroups);
      for (String link : coMountedLinks(h)) {
        c.put("symlink", h.name(), ROOT + "/" + link);
      }
    }
    // the tmpfs itself goes read-only once its mount points exist, in place (no second mount)
    c.put("remount", ROOT, Long.toString(FLAGS | RDONLY));
  }

  private static void mount(ShimConfig c, Hierarchy h, String target, List<Path> ownGroups) {
    String source = h.name().isEmpty() ? ROOT : ROOT + "/" + h.name();
    Path own =
        ownGroups.stream()
            .map(Path::getParent)
            .filter(
                p -> p != null && p.getParent() != null && p.toString().startsWith(source + "/"))
            .findFirst()
            .orElse(null);
    if (own != null) {
      DockerDefaults.mount(c, "bind", own.toString(), target, FLAGS | RDONLY, "");
    } else if (h.fstype().equals("cgroup2")) {
      DockerDefaults.mount(c, "cgroup2", "cgroup", target, FLAGS | RDONLY, "");
    } else {
      DockerDefaults.mount(c, "cgroup", "cgroup", target, FLAGS | RDONLY, h.data());
    }
  }

  /**
   * A hierarchy holding several controllers ("cpu,cpuacct") is reachable under each controller's
   * name too, as on the host (systemd's links) and in docker containers.
   */
  static List<String> coMountedLinks(Hierarchy h) {
    List<String> names = Arrays.stream(h.name().split(",")).filter(n -> !n.isEmpty()).toList();
    return names.size() < 2 ? List.of() : names;
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
