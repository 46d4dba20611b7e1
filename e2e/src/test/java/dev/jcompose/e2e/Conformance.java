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

  static String hostname() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
