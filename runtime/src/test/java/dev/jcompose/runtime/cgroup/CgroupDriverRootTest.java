package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The detected driver on the real kernel: limits land in the files, processes join, OOM is seen.
 */
@Tag("root")
class CgroupDriverRootTest {
  private final CgroupDriver driver = CgroupDrivers.detect();
  private final String id = "jctest-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    started.forEach(Process::destroyForcibly);
    for (Process p : started) {
      p.waitFor(10, TimeUnit.SECONDS);
    }
    driver.killAll(id);
    driver.delete(id);
    assertThat(driver.procsFiles(id)).noneMatch(p -> Files.exists(p.getParent()));
  }

  /** The detected driver (devices controller on v1, eBPF on v2): only the listed devices open. */
  @Test
  void allowDevices_deniesEveryDeviceOutsideTheList() throws Exception {
    driver.create(id, Resources.none());
    driver.allowDevices(id, List.of(new DeviceRule('c', 1, 3, "rwm")));

    assertThat(DeviceProbe.run(pid -> driver.attach(id, pid))).isEqualTo("null-ok\nzero-denied");
    if (driver instanceof CgroupV1Driver) {
      assertThat(read("devices", "devices.list")).isEqualTo("c 1:3 rwm");
    }
  }

  @Test
  void create_attach_killAll_delete_onTheRealKernel() throws Exception {
    driver.create(
        id, new Resources(64L << 20, null, 32L << 20, 50_000L, 100_000L, 512L, "0", 50L, null));
    if (driver instanceof CgroupV1Driver) {
      assertThat(read("memory", "memory.limit_in_bytes")).isEqualTo(String.valueOf(64L << 20));
      assertThat(read("memory", "memory.soft_limit_in_bytes")).isEqualTo(String.valueOf(32L << 20));
      assertThat(read("cpu", "cpu.cfs_quota_us")).isEqualTo("50000");
      assertThat(read("cpu", "cpu.shares")).isEqualTo("512");
      assertThat(read("cpuset", "cpuset.cpus")).isEqualTo("0");
      assertThat(read("pids", "pids.max")).isEqualTo("50");
    }
    Process sleep = start("sleep", "300");
    driver.attach(id, (int) sleep.pid());
    String cgroups = Files.readString(Path.of("/proc/" + sleep.pid() + "/cgroup"));
    assertThat(cgroups).contains("/jcompose/" + id);
    assertThat(driver.memoryUsage(id)).isGreaterThanOrEqualTo(0);

    driver.killAll(id);
    assertThat(sleep.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(sleep.exitValue()).isEqualTo(137);
  }

  @Test
  void oomKillCount_countsTheKernelsOomKill() throws Exception {
    driver.create(id, new Resources(8L << 20, 8L << 20, null, null, null, null, null, null, null));
    // The shell waits for a line so that it is in the group before it starts growing a string.
    Process hog = start("sh", "-c", "read go; x=aaaaaaaaaaaaaaaa; while true; do x=\"$x$x\"; done");
    driver.attach(id, (int) hog.pid());
    try (OutputStream in = hog.getOutputStream()) {
      in.write("go\n".getBytes());
    }
    assertThat(hog.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(hog.exitValue()).isEqualTo(137);
    assertThat(driver.oomKillCount(id)).isPositive();
  }

  @Test
  void create_limitTheKernelRefuses_failsAndLeavesNoGroup() {
    Resources badCpus = new Resources(null, null, null, null, null, null, "4095", null, null);
    assertThatThrownBy(() -> driver.create(id, badCpus))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining("cpuset.cpus");
    assertThat(driver.procsFiles(id)).noneMatch(p -> Files.exists(p.getParent()));
  }

  private Process start(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    started.add(p);
    return p;
  }

  private String read(String hierarchy, String file) throws Exception {
    return Files.readString(Path.of("/sys/fs/cgroup", hierarchy, "jcompose", id, file)).trim();
  }

  @Test
  void detect_onThisHost_isTheDriverForWhatIsMounted() throws Exception {
    boolean memoryV1 =
        Files.readString(Path.of("/proc/self/mountinfo"))
            .lines()
            .anyMatch(l -> l.matches(".* - cgroup cgroup .*\\bmemory\\b.*"));
    assumeThat(memoryV1).as("memory controller on a v1 hierarchy").isTrue();
    assertThat(driver).isInstanceOf(CgroupV1Driver.class);
  }
}
