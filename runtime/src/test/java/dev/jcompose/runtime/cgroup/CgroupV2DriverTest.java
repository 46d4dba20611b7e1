package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.runtime.api.ContainerSpec.Blkio;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import dev.jcompose.runtime.sys.RecordingNativeOps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v2 driver on a fake unified tree: the shared contract plus the exact v2 files. */
class CgroupV2DriverTest extends CgroupDriverContract {

  @Override
  FakeCgroupTree newTree(Path root) {
    return FakeCgroupTree.unified(root);
  }

  @Override
  void recordOomKills(String id, int count) {
    tree.writeRaw(
        group(id).resolve("memory.events"),
        "low 0\nhigh 0\nmax 9\noom 3\noom_kill " + count + "\n");
  }

  @Override
  void recordMemory(String id, long usage, long inactiveFile) {
    tree.writeRaw(group(id).resolve("memory.current"), usage + "\n");
    tree.writeRaw(
        group(id).resolve("memory.stat"), "anon 5\nfile 9\ninactive_file " + inactiveFile + "\n");
  }

  private Path group(String id) {
    return tmp.resolve("jcompose").resolve(id);
  }

  private String file(String id, String name) {
    return tree.readRaw(group(id).resolve(name));
  }

  @Test
  void stats_readsCpuStatMemoryMaxPidsAndIoStat() {
    driver.create("db-1", memory(64L << 20));
    tree.writeRaw(
        group("db-1").resolve("cpu.stat"), "usage_usec 2500\nuser_usec 2000\nsystem_usec 500\n");
    tree.writeRaw(group("db-1").resolve("pids.current"), "7\n");
    tree.writeRaw(
        group("db-1").resolve("io.stat"),
        "8:0 rbytes=4096 wbytes=512 rios=1 wios=1\n8:16 rbytes=4 wbytes=8\n");
    recordMemory("db-1", 10_000, 1_000);
    CgroupStats s = driver.stats("db-1");
    assertThat(s).isEqualTo(new CgroupStats(2_500_000, 9_000, 64L << 20, 7, 4100, 520));
  }

  @Test
  void allowDevices_installsTheEbpfProgram_exceptWhenEverythingIsAllowed() {
    RecordingNativeOps ops = new RecordingNativeOps(true);
    CgroupV2Driver v2 = new CgroupV2Driver(tmp, tree, ops);
    v2.create("web-1", Resources.none());
    v2.allowDevices("web-1", List.of(new DeviceRule('c', 1, 3, "rwm")));
    v2.allowDevices("web-1", List.of(DeviceRule.ALL));

    // 6 loads, type/major/minor tests + return 1, return 0
    assertThat(ops.calls)
        .containsExactly("attachDeviceProgram " + tmp.resolve("jcompose/web-1") + " 13");
  }

  @Test
  void detect_unifiedWithMemory_isV2() {
    assertThat(driver).isInstanceOf(CgroupV2Driver.class);
    assertThat(driver.procsFiles("x-1")).containsExactly(tmp.resolve("jcompose/x-1/cgroup.procs"));
  }

  @Test
  void create_enablesControllersOnRootAndParent() {
    driver.create("web-1", Resources.none());
    assertThat(tree.readRaw(tmp.resolve("cgroup.subtree_control")).split(" "))
        .contains("cpu", "cpuset", "io", "memory", "pids")
        .doesNotContain("rdma");
    assertThat(tree.readRaw(tmp.resolve("jcompose/cgroup.subtree_control")).split(" "))
        .contains("cpu", "memory", "pids");
  }

  @Test
  void under_cgroupParent_enablesTheControllersOnEveryLevel() {
    CgroupDriver parented = driver.under("tenant/blue");
    parented.create(
        "db-1", new Resources(64L << 20, null, null, null, null, null, null, null, null));
    assertThat(parented.procsFiles("db-1"))
        .containsExactly(tmp.resolve("tenant/blue/db-1/cgroup.procs"));
    assertThat(tree.readRaw(tmp.resolve("tenant/cgroup.subtree_control")).split(" "))
        .contains("cpu", "memory", "pids", "io");
    assertThat(tree.readRaw(tmp.resolve("tenant/blue/cgroup.subtree_control")).split(" "))
        .contains("cpu", "memory", "pids", "io");
    assertThat(tree.readRaw(tmp.resolve("tenant/blue/db-1/memory.max")))
        .isEqualTo(String.valueOf(64L << 20));
    assertThat(Files.exists(tmp.resolve("jcompose/db-1"))).isFalse();
  }

  @Test
  void create_memory_writesMaxLowAndSwapAsTheDifference() {
    driver.create(
        "db-1", new Resources(64L << 20, 96L << 20, 32L << 20, null, null, null, null, null, null));
    assertThat(file("db-1", "memory.max")).isEqualTo(String.valueOf(64L << 20));
    assertThat(file("db-1", "memory.swap.max")).isEqualTo(String.valueOf(32L << 20));
    assertThat(file("db-1", "memory.low")).isEqualTo(String.valueOf(32L << 20));
  }

  @Test
  void create_memoryOnly_givesSwapEqualToMemory_asDockersTwiceDefault() {
    driver.create("db-1", memory(64L << 20));
    assertThat(file("db-1", "memory.swap.max")).isEqualTo(String.valueOf(64L << 20));
  }

  @Test
  void create_unlimitedSwap_writesMax() {
    driver.create("db-1", new Resources(64L << 20, -1L, null, null, null, null, null, null, null));
    assertThat(file("db-1", "memory.swap.max")).isEqualTo("max");
  }

  @Test
  void create_withoutSwapFile_stillSetsMemory() throws Exception {
    driver.create("db-1", Resources.none());
    Files.delete(group("db-1").resolve("memory.swap.max"));
    driver.create("db-1", memory(64L << 20));
    assertThat(file("db-1", "memory.max")).isEqualTo(String.valueOf(64L << 20));
  }

  @Test
  void create_cpu_writesCpuMaxAndConvertedWeight() {
    driver.create(
        "web-1", new Resources(null, null, null, 150_000L, 100_000L, 1024L, "0", 20L, null));
    assertThat(file("web-1", "cpu.max")).isEqualTo("150000 100000");
    assertThat(file("web-1", "cpu.weight")).isEqualTo("100");
    assertThat(file("web-1", "cpuset.cpus")).isEqualTo("0");
    assertThat(file("web-1", "pids.max")).isEqualTo("20");
  }

  @Test
  void create_periodWithoutQuota_writesMaxAndPeriod() {
    driver.create("web-1", new Resources(null, null, null, null, 50_000L, null, null, null, null));
    assertThat(file("web-1", "cpu.max")).isEqualTo("max 50000");
  }

  @Test
  void killAll_usesCgroupKill() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 9);
    driver.killAll("web-1");
    assertThat(tree.writes).contains("jcompose/web-1/cgroup.kill=1");
  }

  @Test
  void killAll_withoutCgroupKill_freezesAndSweeps() throws Exception {
    driver.create("web-1", Resources.none());
    Files.delete(group("web-1").resolve("cgroup.kill"));
    driver.attach("web-1", 9);
    driver.killAll("web-1");
    assertThat(tree.killed).containsExactly(9L);
    assertThat(tree.writes)
        .containsSubsequence("jcompose/web-1/cgroup.freeze=1", "jcompose/web-1/cgroup.freeze=0");
  }

  @Test
  void create_blkio_convertsTheWeight_andWritesOneIoMaxLinePerDevice() {
    var blkio =
        new Blkio(
            500,
            List.of(new Blkio.DeviceWeight("8:0", 10)),
            List.of(new Blkio.DeviceRate("8:0", 1048576)),
            List.of(new Blkio.DeviceRate("8:0", 2097152)),
            List.of(new Blkio.DeviceRate("8:16", 50)),
            List.of());
    driver.create("io-1", CgroupV1DriverTest.extras(null, false, null, null, blkio));
    assertThat(tree.writes)
        .contains(
            "jcompose/io-1/io.weight=4950",
            "jcompose/io-1/io.weight=8:0 1",
            "jcompose/io-1/io.max=8:0 rbps=1048576 wbps=2097152",
            "jcompose/io-1/io.max=8:16 riops=50");
  }

  @Test
  void create_v1OnlySettings_areDiscarded_notWritten() {
    driver.create("x-1", CgroupV1DriverTest.extras(10, true, 400_000L, 1_000_000L, null));
    assertThat(tree.writes)
        .noneMatch(w -> w.contains("swappiness") || w.contains("oom") || w.contains("rt_"));
  }
}
