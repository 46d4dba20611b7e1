package dev.jcompose.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.e2e.Jcompose;
import dev.jcompose.e2e.OneProjectPerTest;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, devices: container root holds CAP_MKNOD and may create any node (runc's rules), but the
 * device cgroup lets it open only runc's defaults and what {@code device_cgroup_rules} adds; the
 * kernel file systems are mounted nodev where docker mounts them so.
 */
@Tag("security")
@Tag("root")
class DeviceNodeTest extends OneProjectPerTest {

  @Test
  void mknodOfTheHostDisk_thenOpen_isRefused_unlessARuleAllowsIt() {
    jc = Jcompose.fixture("sec-device-node");
    jc.run(180, "up", "-d").assertOk();

    String box =
        jc.run(
                "exec",
                "-T",
                "box",
                "sh",
                "-c",
                "mknod /tmp/disk b 8 0 && echo made; head -c1 /tmp/disk 2>&1; mknod /tmp/loop b 7 0; head -c1 /tmp/loop 2>&1; true")
            .assertOk()
            .stdout();
    assertThat(box)
        .startsWith("made\n")
        .contains("/tmp/disk: Operation not permitted")
        .contains("/tmp/loop: Operation not permitted");

    String loops =
        jc.run(
                "exec",
                "-T",
                "loops",
                "sh",
                "-c",
                "mknod /tmp/loop b 7 0; head -c1 /tmp/loop 2>&1; true")
            .assertOk()
            .stdout();
    assertThat(loops).doesNotContain("Operation not permitted");
  }

  @Test
  void kernelFileSystems_areMountedNodev_asDockersAre() {
    jc = Jcompose.fixture("sec-device-node");
    jc.run(180, "up", "-d", "box").assertOk();

    String mounts = jc.run("exec", "-T", "box", "cat", "/proc/mounts").assertOk().stdout();
    // runc's defaults for docker: a node made on these could not be opened anyway; /dev itself
    // holds the allowed nodes and, like the rootfs, is not nodev
    for (String target : List.of("/proc", "/sys", "/dev/shm", "/dev/mqueue")) {
      assertThat(optionsOf(mounts, target)).as(target).contains("nodev", "nosuid");
    }
    assertThat(optionsOf(mounts, "/dev")).as("/dev").contains("nosuid").doesNotContain("nodev");
  }

  /** The mount options of the last mount at {@code target} in a /proc/mounts text. */
  private static List<String> optionsOf(String mounts, String target) {
    List<String> options = List.of();
    for (String line : mounts.split("\n")) {
      String[] f = line.split(" ");
      if (f.length > 3 && f[1].equals(target)) {
        options = List.of(f[3].split(","));
      }
    }
    assertThat(options).as("a mount at " + target).isNotEmpty();
    return options;
  }
}
