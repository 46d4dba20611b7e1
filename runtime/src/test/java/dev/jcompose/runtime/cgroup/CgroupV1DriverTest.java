package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerSpec.Blkio;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The v1 driver on a fake hybrid tree: the shared contract plus the exact v1 files. */
class CgroupV1DriverTest extends CgroupDriverContract {

  @Override
  FakeCgroupTree newTree(Path root) {
    return FakeCgroupTree.hybrid(root);
  }

  @Override
  void recordOomKills(String id, int count) {
    tree.writeRaw(
        group("memory", id).resolve("memory.oom_control"),
        "oom_kill_disable 0\nunder_oom 0\noom_kill " + count);
  }

  @Override
  void recordMemory(String id, long usage, long inactiveFile) {
    tree.writeRaw(group("memory", id).resolve("memory.usage_in_bytes"), usage + "\n");
    tree.writeRaw(
        group("memory", id).resolve("memory.stat"), "cache 1\ntotal_inactive_file " + inactiveFile);
  }

  private Path group(String hierarchy, String id) {
    return tmp.resolve(hierarchy).resolve("jcompose").resolve(id);
  }

  private String file(String hierarchy, String id, String name) {
    return tree.readRaw(group(hierarchy, id).resolve(name));
  }

  @Test
  void stats_readsCpuacctMemoryLimitPidsAndBlkio() {
    driver.create("db-1", memory(64L << 20));
    tree.writeRaw(group("cpuacct", "db-1").resolve("cpuacct.usage"), "2500000\n");
    tree.writeRaw(group("pids", "db-1").resolve("pids.current"), "7\n");
    tree.writeRaw(
        group("blkio", "db-1").resolve("blkio.throttle.io_service_bytes_recursive"),
        "8:0 Read 4096\n8:0 Write 512\n8:0 Sync 0\n8:16 Read 4\n8:16 Write 8\nTotal 4620\n");
    recordMemory("db-1", 10_000, 1_000);
    assertThat(driver.stats("db-1"))
        .isEqualTo(new CgroupStats(2_500_000, 9_000, 64L << 20, 7, 4100, 520));
  }

  @Test
  void freeze_writesFrozenToTheFreezerHierarchyOnly() {
    driver.create("web-1", Resources.none());
    driver.freeze("web-1");
    assertThat(file("freezer", "web-1", "freezer.state")).isEqualTo("FROZEN");
    driver.thaw("web-1");
    assertThat(file("freezer", "web-1", "freezer.state")).isEqualTo("THAWED");
  }

  @Test
  void allowDevices_deniesAllThenAllowsEachRule_inTheDevicesHierarchy() {
    driver.create("web-1", Resources.none());
    tree.writes.clear();
    driver.allowDevices(
        "web-1",
        List.of(
            new DeviceRule('c', 1, 3, "rwm"),
            new DeviceRule('b', DeviceRule.ANY, DeviceRule.ANY, "m")));

    assertThat(tree.writes)
        .containsExactly(
            "devices/jcompose/web-1/devices.deny=a",
            "devices/jcompose/web-1/devices.allow=c 1:3 rwm",
            "devices/jcompose/web-1/devices.allow=b *:* m");
  }

  @Test
  void allowDevices_privileged_allowsEverything() {
    driver.create("web-1", Resources.none());
    tree.writes.clear();
    driver.allowDevices("web-1", List.of(DeviceRule.ALL));

    assertThat(tree.writes).containsExactly("devices/jcompose/web-1/devices.allow=a");
  }

  @Test
  void detect_hybridHost_isV1_withGroupsInEveryHierarchyIncludingUnified() {
    assertThat(driver).isInstanceOf(CgroupV1Driver.class);
    assertThat(driver.procsFiles("x-1"))
        .extracting(p -> tmp.relativize(p).getName(0).toString())
        .containsExactly(
            "cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids", "systemd",
            "unified");
  }

  @Test
  void create_memoryOnly_setsLimitAndDockersDefaultSwapOfTwiceTheMemory() {
    driver.create("db-1", memory(64L << 20));
    assertThat(file("memory", "db-1", "memory.limit_in_bytes"))
        .isEqualTo(String.valueOf(64L << 20));
    assertThat(file("memory", "db-1", "memory.memsw.limit_in_bytes"))
        .isEqualTo(String.valueOf(128L << 20));
    // growing from unlimited? no: current limit (huge) >= new memsw, so the limit goes first
    assertThat(tree.writes)
        .containsSubsequence(
            "memory/jcompose/db-1/memory.limit_in_bytes=" + (64L << 20),
            "memory/jcompose/db-1/memory.memsw.limit_in_bytes=" + (128L << 20));
  }

  @Test
  void create_raisingAnExistingLimit_writesMemswFirst() {
    driver.create("db-1", memory(64L << 20));
    tree.writes.clear();
    driver.create(
        "db-1", new Resources(256L << 20, 512L << 20, null, null, null, null, null, null, null));
    assertThat(tree.writes)
        .containsSubsequence(
            "memory/jcompose/db-1/memory.memsw.limit_in_bytes=" + (512L << 20),
            "memory/jcompose/db-1/memory.limit_in_bytes=" + (256L << 20));
  }

  @Test
  void create_withoutSwapAccounting_setsOnlyTheLimit() throws Exception {
    driver.create("db-1", Resources.none());
    Files.delete(group("memory", "db-1").resolve("memory.memsw.limit_in_bytes"));
    driver.create(
        "db-1", new Resources(32L << 20, 64L << 20, 16L << 20, null, null, null, null, null, null));
    assertThat(file("memory", "db-1", "memory.limit_in_bytes"))
        .isEqualTo(String.valueOf(32L << 20));
    assertThat(file("memory", "db-1", "memory.soft_limit_in_bytes"))
        .isEqualTo(String.valueOf(16L << 20));
  }

  @Test
  void create_unlimitedSwap_writesMinusOne() {
    driver.create("db-1", new Resources(32L << 20, -1L, null, null, null, null, null, null, null));
    assertThat(file("memory", "db-1", "memory.memsw.limit_in_bytes")).isEqualTo("-1");
  }

  @Test
  void create_cpuAndPids_writeCfsSharesAndPidsMax() {
    driver.create(
        "web-1", new Resources(null, null, null, 50_000L, 100_000L, 512L, null, 100L, null));
    assertThat(file("cpu", "web-1", "cpu.cfs_quota_us")).isEqualTo("50000");
    assertThat(file("cpu", "web-1", "cpu.cfs_period_us")).isEqualTo("100000");
    assertThat(file("cpu", "web-1", "cpu.shares")).isEqualTo("512");
    assertThat(file("pids", "web-1", "pids.max")).isEqualTo("100");
  }

  @Test
  void create_pidsLimitZeroOrLess_meansMax_andUnsetWritesNothing() {
    driver.create("web-1", new Resources(null, null, null, null, null, null, null, -1L, null));
    assertThat(file("pids", "web-1", "pids.max")).isEqualTo("max");
    driver.create("web-2", Resources.none());
    assertThat(tree.writes).noneMatch(w -> w.contains("web-2/pids.max"));
  }

  @Test
  void create_cpusetGroups_inheritMemsAndCpusFromTheParent() {
    driver.create("web-1", new Resources(null, null, null, null, null, null, "1", null, null));
    assertThat(tree.readRaw(tmp.resolve("cpuset/jcompose/cpuset.cpus"))).isEqualTo("0-1");
    assertThat(file("cpuset", "web-1", "cpuset.mems")).isEqualTo("0");
    assertThat(file("cpuset", "web-1", "cpuset.cpus")).isEqualTo("1");
  }

  @Test
  void killAll_onHybrid_alsoUsesTheUnifiedGroupsCgroupKill() {
    driver.create("web-1", Resources.none());
    tree.writeRaw(tmp.resolve("unified/jcompose/web-1/cgroup.kill"), "");
    driver.attach("web-1", 56);
    tree.writes.clear();
    driver.killAll("web-1");
    assertThat(tree.writes).startsWith("unified/jcompose/web-1/cgroup.kill=1");
    assertThat(tree.killed).containsExactly(56L);
  }

  @Test
  void killAll_freezesKillsThenThaws() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 55);
    driver.killAll("web-1");
    assertThat(tree.writes)
        .containsSubsequence(
            "freezer/jcompose/web-1/freezer.state=FROZEN",
            "freezer/jcompose/web-1/freezer.state=THAWED");
    assertThat(file("freezer", "web-1", "freezer.state")).isEqualTo("THAWED");
  }

  @Test
  void create_swappinessAndOomKillDisable_writeTheMemoryFiles() {
    driver.create("db-1", extras(30, true, null, null, null));
    assertThat(file("memory", "db-1", "memory.swappiness")).isEqualTo("30");
    assertThat(file("memory", "db-1", "memory.oom_control")).isEqualTo("1");
  }

  @Test
  void create_realtime_givesTheParentTheRootsBudgetFirst_thenPeriodThenRuntime() {
    tree.writeRaw(tmp.resolve("cpu/cpu.rt_runtime_us"), "950000");
    driver.create("rt-1", extras(null, false, 400_000L, 1_000_000L, null));
    assertThat(tree.readRaw(tmp.resolve("cpu/jcompose/cpu.rt_runtime_us"))).isEqualTo("950000");
    assertThat(tree.writes)
        .containsSubsequence(
            "cpu/jcompose/cpu.rt_runtime_us=950000",
            "cpu/jcompose/rt-1/cpu.rt_period_us=1000000",
            "cpu/jcompose/rt-1/cpu.rt_runtime_us=400000");
  }

  @Test
  void under_cgroupParent_placesTheGroupsThereInEveryHierarchy_levelByLevel() {
    CgroupDriver parented = driver.under("/tenant/blue");
    parented.create("web-1", new Resources(null, null, null, null, null, null, "1", null, null));
    assertThat(parented.procsFiles("web-1"))
        .allMatch(
            p ->
                tmp.relativize(p).subpath(1, 5).toString().equals("tenant/blue/web-1/cgroup.procs"))
        .hasSize(10);
    assertThat(tree.readRaw(tmp.resolve("cpuset/tenant/cpuset.cpus"))).isEqualTo("0-1");
    assertThat(tree.readRaw(tmp.resolve("cpuset/tenant/blue/cpuset.mems"))).isEqualTo("0");
    assertThat(Files.exists(tmp.resolve("memory/jcompose/web-1"))).isFalse();
    assertThat(parented.ids()).containsExactly("web-1");
    assertThat(driver.under("tenant/blue").procsFiles("web-1"))
        .isEqualTo(parented.procsFiles("web-1"));
    parented.delete("web-1");
    assertThat(Files.exists(tmp.resolve("memory/tenant/blue/web-1"))).isFalse();
    assertThat(Files.exists(tmp.resolve("memory/tenant/blue"))).isTrue(); // as dockerd leaves it
  }

  @Test
  void under_aParentOutsideTheHierarchy_isInvalid() {
    for (String bad : List.of("../etc", "a/../../b", "/", "a b")) {
      assertThatThrownBy(() -> driver.under(bad))
          .isInstanceOf(ContainerException.class)
          .hasMessageContaining("invalid cgroup parent");
    }
  }

  @Test
  void create_realtimeUnderANestedParent_handsTheBudgetDownEveryLevel() {
    tree.writeRaw(tmp.resolve("cpu/cpu.rt_runtime_us"), "950000");
    driver.under("a/b").create("rt-1", extras(null, false, 400_000L, 1_000_000L, null));
    assertThat(tree.writes)
        .containsSubsequence(
            "cpu/a/cpu.rt_runtime_us=950000",
            "cpu/a/b/cpu.rt_runtime_us=950000",
            "cpu/a/b/rt-1/cpu.rt_runtime_us=400000");
  }

  @Test
  void create_blkio_writesBfqWeightAndOneThrottleLinePerDevice() {
    var blkio =
        new Blkio(
            300,
            List.of(new Blkio.DeviceWeight("8:0", 200)),
            List.of(new Blkio.DeviceRate("8:0", 1048576)),
            List.of(),
            List.of(new Blkio.DeviceRate("8:0", 100), new Blkio.DeviceRate("8:16", 50)),
            List.of());
    driver.create("io-1", extras(null, false, null, null, blkio));
    assertThat(tree.writes)
        .contains(
            "blkio/jcompose/io-1/blkio.bfq.weight=300",
            "blkio/jcompose/io-1/blkio.bfq.weight_device=8:0 200",
            "blkio/jcompose/io-1/blkio.throttle.read_bps_device=8:0 1048576",
            "blkio/jcompose/io-1/blkio.throttle.read_iops_device=8:0 100",
            "blkio/jcompose/io-1/blkio.throttle.read_iops_device=8:16 50");
  }

  @Test
  void create_outOfRangeSwappinessOrWeight_isInvalid_asDockerSays() {
    assertThatThrownBy(() -> driver.create("x-1", extras(101, false, null, null, null)))
        .hasMessageContaining("valid memory swappiness range is 0-100");
    assertThatThrownBy(
            () ->
                driver.create(
                    "x-1",
                    extras(null, false, null, null, new Blkio(5, null, null, null, null, null))))
        .hasMessageContaining("Range of blkio weight is from 10 to 1000");
  }

  static Resources extras(
      Integer swappiness, boolean oomKillDisable, Long rtRuntime, Long rtPeriod, Blkio blkio) {
    return new Resources(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        swappiness,
        oomKillDisable,
        rtRuntime,
        rtPeriod,
        blkio);
  }
}
