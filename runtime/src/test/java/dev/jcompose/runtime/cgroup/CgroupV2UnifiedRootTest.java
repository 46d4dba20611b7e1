package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The v2 driver's kernel door (groups, cgroup.procs, cgroup.kill, rmdir) on a real cgroup2 mount.
 * On a hybrid host that is the controller-less /sys/fs/cgroup/unified, so limits are not proven
 * here, only the group lifecycle.
 */
@Tag("root")
class CgroupV2UnifiedRootTest {

  private static Path mount() {
    return Files.isRegularFile(Path.of("/sys/fs/cgroup/cgroup.kill"))
            || Files.isRegularFile(Path.of("/sys/fs/cgroup/cgroup.controllers"))
        ? Path.of("/sys/fs/cgroup")
        : Path.of("/sys/fs/cgroup/unified");
  }

  /**
   * The eBPF device program loaded with bpf(2) and attached: a process in the group gets only the
   * listed devices.
   */
  @Test
  void allowDevices_ebpfProgram_deniesEveryDeviceOutsideTheList() throws Exception {
    Path mount = mount();
    assumeThat(mount.resolve("cgroup.procs")).exists();
    CgroupV2Driver driver = new CgroupV2Driver(mount, new LinuxCgroupFs());
    String id = "jctest-" + UUID.randomUUID().toString().substring(0, 8);
    try {
      driver.create(id, Resources.none());
      driver.allowDevices(id, List.of(new DeviceRule('c', 1, 3, "rwm")));
      assertThat(DeviceProbe.run(pid -> driver.attach(id, pid))).isEqualTo("null-ok\nzero-denied");
      driver.allowDevices(
          id,
          List.of(new DeviceRule('c', 1, 3, "rwm"), new DeviceRule('c', 1, 5, "r"))); // replaces
      assertThat(DeviceProbe.run(pid -> driver.attach(id, pid))).isEqualTo("null-ok\nzero-ok");
    } finally {
      driver.killAll(id);
      driver.delete(id);
    }
  }

  @Test
  void create_attach_cgroupKill_delete_onARealCgroup2Mount() throws Exception {
    Path mount = mount();
    assumeThat(mount.resolve("cgroup.procs")).exists();
    CgroupV2Driver driver = new CgroupV2Driver(mount, new LinuxCgroupFs());
    String id = "jctest-" + UUID.randomUUID().toString().substring(0, 8);
    Process sleep = new ProcessBuilder("sleep", "300").start();
    try {
      driver.create(id, Resources.none());
      driver.attach(id, (int) sleep.pid());
      assertThat(driver.ids()).contains(id);
      assertThat(Files.readString(Path.of("/proc/" + sleep.pid() + "/cgroup")))
          .contains("0::/jcompose/" + id);
      driver.killAll(id);
      assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
      assertThat(sleep.exitValue()).isEqualTo(137);
    } finally {
      sleep.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      driver.delete(id);
    }
    assertThat(mount.resolve("jcompose").resolve(id)).doesNotExist();
  }
}
