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

  /**
   * name, major, minor: the runtime-spec default devices, all c 0666 root:root (runc
   * createDevices).
   */
  static final List<String[]> DEVICES =
      List.of(
          new String[] {"null", "1", "3"},
          new String[] {"zero", "1", "5"},
          new String[] {"full", "1", "7"},
          new String[] {"random", "1", "8"},
          new String[] {"urandom", "1", "9"},
          new String[] {"tty", "5", "0"});

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

  /** Value of {@code ipcShm} that means "no /dev/shm at all" (docker {@code --ipc none}). */
  static final String NO_SHM = "none";

  /**
   * proc, /dev and its filesystems, sysfs: in this order (later targets live inside earlier ones).
   * {@code ipcShm}: null = the container's own /dev/shm tmpfs; {@link #NO_SHM}; else the /dev/shm
   * of the IPC namespace it shares (a host path), bound in.
   */
  static void kernelMounts(ShimConfig c, long shmBytes, String ipcShm, boolean sysRw) {
    mount(c, "proc", "proc", "/proc", NOSUID | NOEXEC | NODEV, "");
    mount(c, "tmpfs", "tmpfs", "/dev", NOSUID | STRICTATIME, "mode=755,size=65536k");
    mount(
        c,
        "devpts",
        "devpts",
        "/dev/pts",
        NOSUID | NOEXEC,
        "newinstance,ptmxmode=0666,mode=0620,gid=5");
    if (ipcShm == null) {
      mount(c, "tmpfs", "shm", "/dev/shm", NOSUID | NOEXEC | NODEV, "mode=1777,size=" + shmBytes);
    } else if (!ipcShm.equals(NO_SHM)) {
      mount(c, "bind", ipcShm, "/dev/shm", NOSUID | NOEXEC | NODEV, "");
    }
    mount(c, "mqueue", "mqueue", "/dev/mqueue", NOSUID | NOEXEC | NODEV, "");
    mount(c, "sysfs", "sysfs", "/sys", NOSUID | NOEXEC | NODEV | (sysRw ? 0 : RDONLY), "");
  }

  /** The default device nodes, made in the container's /dev tmpfs (not bound from the host's). */
  static void devices(ShimConfig c) {
    for (String[] d : DEVICES) {
      c.put("mknod", "/dev/" + d[0], "c", d[1], d[2], "666", "0", "0");
    }
  }

  /**
   * runc setupDevSymlinks: fd, std streams, ptmx into the devpts instance, core if /proc/kcore
   * exists.
   */
  static void devSymlinks(ShimConfig c, boolean kcore) {
    c.put("symlink", "/proc/self/fd", "/dev/fd");
    c.put("symlink", "/proc/self/fd/0", "/dev/stdin");
    c.put("symlink", "/proc/self/fd/1", "/dev/stdout");
    c.put("symlink", "/proc/self/fd/2", "/dev/stderr");
    c.put("symlink", "pts/ptmx", "/dev/ptmx");
    if (kcore) {
      c.put("symlink", "/proc/kcore", "/dev/core");
    }
  }

  static void mount(
      ShimConfig c, String type, String source, String target, long flags, String data) {
    c.put("mount", type, source, target, Long.toString(flags), data);
  }
}
