package dev.jcompose.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Facts of the test host that change what docker shows a container. */
final class Conformance {
  private Conformance() {}

  /** The unified cgroup v2 layout (not v1, not hybrid). */
  static boolean cgroupV2() {
    return Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
  }

  /** This process's capability bounding set as /proc/self/status prints it (16 hex digits). */
  static String boundingSet() {
    try {
      return Files.readAllLines(Path.of("/proc/self/status")).stream()
          .filter(l -> l.startsWith("CapBnd:"))
          .map(l -> l.substring(7).trim())
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the group {@code name} under every cgroup mount's root (a cgroup_parent the runtime
   * made: like dockerd, it leaves the parent when its last container goes).
   */
  static void removeTopLevelCgroup(String name) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] f = line.split(" ");
        int dash = java.util.Arrays.asList(f).indexOf("-");
        if (dash > 0 && f[dash + 1].startsWith("cgroup")) {
          Files.deleteIfExists(Path.of(f[4]).resolve(name)); // rmdir(2) of an emptied group
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
