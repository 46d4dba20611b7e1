package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One cgroup filesystem mount as read from {@code /proc/self/mountinfo} (proc(5)).
 *
 * @param device the superblock's "major:minor": two mounts with the same one are the same hierarchy
 * @param mountPoint where it is mounted
 * @param v2 true for {@code cgroup2}, false for a v1 {@code cgroup} hierarchy
 * @param controllers v1 only: the controllers bound to this hierarchy from its super options, e.g.
 *     {@code [cpu, cpuacct]} or {@code [name=systemd]} for a named hierarchy without controllers
 */
record CgroupMount(String device, Path mountPoint, boolean v2, Set<String> controllers) {

  /** v1 mount options that are flags, not controllers (kernel/cgroup/cgroup-v1.c parse). */
  private static final Set<String> V1_FLAGS =
      Set.of(
          "rw",
          "ro",
          "noprefix",
          "clone_children",
          "xattr",
          "cpuset_v2_mode",
          "favordynmods",
          "all",
          "none");

  /**
   * The cgroup mounts in mountinfo order, one per hierarchy (bind mounts of a hierarchy dropped).
   */
  static List<CgroupMount> parse(String mountinfo) {
    List<CgroupMount> mounts = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String line : mountinfo.split("\n", -1)) {
      CgroupMount m = parseLine(line);
      if (m != null && seen.add(m.device())) {
        mounts.add(m);
      }
    }
    return mounts;
  }

  private static CgroupMount parseLine(String line) {
    String[] halves = line.split(" - ", 2);
    if (halves.length != 2) {
      return null;
    }
    String[] left = halves[0].split(" ", -1);
    String[] right = halves[1].split(" ", -1);
    if (left.length < 5 || right.length < 3) {
      return null;
    }
    String fsType = right[0];
    if (!fsType.equals("cgroup") && !fsType.equals("cgroup2")) {
      return null;
    }
    Path mountPoint = Path.of(unescape(left[4]));
    boolean v2 = fsType.equals("cgroup2");
    return new CgroupMount(left[2], mountPoint, v2, v2 ? Set.of() : controllersOf(right[2]));
  }

  private static Set<String> controllersOf(String superOptions) {
    Set<String> controllers = new LinkedHashSet<>();
    for (String opt : superOptions.split(",", -1)) {
      boolean flag = V1_FLAGS.contains(opt) || (opt.contains("=") && !opt.startsWith("name="));
      if (!flag && !opt.isEmpty()) {
        controllers.add(opt);
      }
    }
    return controllers;
  }

  /** mountinfo escapes space, tab, newline and backslash as \ooo octal. */
  static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && isOctal(s, i + 1)) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
        i += 3;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isOctal(String s, int from) {
    if (from + 3 > s.length()) {
      return false;
    }
    for (int i = from; i < from + 3; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '7') {
        return false;
      }
    }
    return true;
  }

  boolean has(String controller) {
    return controllers.contains(controller);
  }
}
