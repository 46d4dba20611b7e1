package dev.jcompose.runtime.container;

import static dev.jcompose.runtime.container.MountFlags.NODEV;
import static dev.jcompose.runtime.container.MountFlags.NOEXEC;
import static dev.jcompose.runtime.container.MountFlags.NOSUID;
import static dev.jcompose.runtime.container.MountFlags.RDONLY;
import static dev.jcompose.runtime.container.MountFlags.STRICTATIME;

import dev.jcompose.runtime.shim.ShimConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Docker's default container filesystem (moby daemon/pkg/oci/defaults.go DefaultLinuxSpec): the
 * kernel filesystems, device nodes, /dev symlinks, masked and read-only paths. Copied verbatim so
 * images behave as under docker.
 */
final class DockerDefaults {
  static final long DEFAULT_SHM_BYTES = 64L * 1024 * 1024;

  static final List<String> DEVICES = List.of("null", "zero", "full", "random", "urandom", "tty");

  static final List<String> MASKED =
      List.of(
          "/proc/asound",
          "/proc/acpi",
          "/proc/interrupts",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/proc/scsi",
          "/sys/firmware",
          "/sys/devices/virtual/powercap");

  /**
   * MASKED plus every host cpu's thermal_throttle dir (GHSA-6fw5-f8r9-fgfm: power side channel).
   */
  static List<String> masked() {
    List<String> out = new ArrayList<>(MASKED);
    try (var cpus = Files.newDirectoryStream(Path.of("/sys/devices/system/cpu"), "cpu[0-9]*")) {
      for (var cpu : cpus) {
        if (Files.isDirectory(cpu.resolve("thermal_throttle"))) {
          out.add(cpu.resolve("thermal_throttle").toString());
        }
      }
    } catch (IOException e) {
      // no sysfs cpu dir: nothing more to mask
    }
    return out;
  }

  static final List<String> READONLY =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private DockerDefaults() {}

  /**
   * proc, /dev and its filesystems, sysfs: in this order (later targets live inside earlier ones).
   */
  static void kernelMounts(ShimConfig c, long shmBytes, boolean sysRw) {
    mount(c, "proc", "proc", "/proc", NOSUID | NOEXEC | NODEV, "");
    mount(c, "tmpfs", "tmpfs", "/dev", NOSUID | STRICTATIME, "mode=755,size=65536k");
    mount(
        c,
        "devpts",
        "devpts",
        "/dev/pts",
        NOSUID | NOEXEC,
        "newinstance,ptmxmode=0666,mode=0620,gid=5");
    mount(c, "tmpfs", "shm", "/dev/shm", NOSUID | NOEXEC | NODEV, "mode=1777,size=" + shmBytes);
    mount(c, "mqueue", "mqueue", "/dev/mqueue", NOSUID | NOEXEC | NODEV, "");
    mount(c, "sysfs", "sysfs", "/sys", NOSUID | NOEXEC | NODEV | (sysRw ? 0 : RDONLY), "");
    for (String d : DEVICES) {
      mount(c, "bind", "/dev/" + d, "/dev/" + d, 0, "");
    }
  }

  static void devSymlinks(ShimConfig c) {
    c.put("symlink", "/proc/self/fd", "/dev/fd");
    c.put("symlink", "/proc/self/fd/0", "/dev/stdin");
    c.put("symlink", "/proc/self/fd/1", "/dev/stdout");
    c.put("symlink", "/proc/self/fd/2", "/dev/stderr");
    c.put("symlink", "pts/ptmx", "/dev/ptmx");
  }

  static void mount(
      ShimConfig c, String type, String source, String target, long flags, String data) {
    c.put("mount", type, source, target, Long.toString(flags), data);
  }
}
