package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link CgroupDriver} must do, run against a fake tree for v1 and v2 alike. */
abstract class CgroupDriverContract {
  @TempDir Path tmp;
  FakeCgroupTree tree;
  CgroupDriver driver;

  abstract FakeCgroupTree newTree(Path root);

  /** The file where the fake kernel keeps the OOM-kill counter for {@code id}. */
  abstract void recordOomKills(String id, int count);

  abstract void recordMemory(String id, long usage, long inactiveFile);

  @BeforeEach
  void setUp() {
    tree = newTree(tmp);
    driver = CgroupDrivers.detect(tree.mountinfo(), tree);
  }

  static Resources memory(long bytes) {
    return new Resources(bytes, null, null, null, null, null, null, null, null);
  }

  @Test
  void create_makesAProcsFileInEveryHierarchy() {
    driver.create("web-1", Resources.none());
    assertThat(driver.procsFiles("web-1")).isNotEmpty().allMatch(Files::exists);
    assertThat(driver.procsFiles("web-1"))
        .allMatch(p -> p.getParent().getParent().getFileName().toString().equals("jcompose"));
  }

  @Test
  void create_twice_isIdempotent() {
    driver.create("web-1", memory(64 << 20));
    driver.create("web-1", memory(64 << 20));
    assertThat(driver.procsFiles("web-1")).allMatch(Files::exists);
  }

  @Test
  void attach_writesThePidToEveryProcsFile() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 4242);
    assertThat(driver.procsFiles("web-1"))
        .allSatisfy(p -> assertThat(tree.pids(p)).containsExactly(4242L));
  }

  @Test
  void killAll_killsEveryProcessInTheGroup() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 101);
    driver.attach("web-1", 102);
    driver.killAll("web-1");
    assertThat(tree.killed).containsExactlyInAnyOrder(101L, 102L);
    assertThat(driver.procsFiles("web-1")).allSatisfy(p -> assertThat(tree.pids(p)).isEmpty());
  }

  @Test
  void delete_removesEveryGroup_andMissingIsFine() {
    driver.create("web-1", Resources.none());
    driver.delete("web-1");
    assertThat(driver.procsFiles("web-1")).noneMatch(p -> Files.exists(p.getParent()));
    driver.delete("web-1");
  }

  @Test
  void delete_groupThatStaysBusy_failsWithConflict() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 7);
    assertThatThrownBy(() -> driver.delete("web-1"))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerException.Kind.CONFLICT))
        .hasMessageContaining("web-1");
  }

  /**
   * Two engines with their own state roots and the same project and service names: each has its own
   * groups, and removing one's leaves the other's (and its processes) alone.
   */
  @Test
  void forInstance_twoEnginesWithTheSameContainerName_haveTheirOwnGroups() {
    CgroupDriver a = driver.forInstance(Path.of("/tmp/engine-a/data"));
    CgroupDriver b = driver.forInstance(Path.of("/tmp/engine-b/data"));
    a.create("verbs-checked-1", Resources.none());
    b.create("verbs-checked-1", Resources.none());
    a.attach("verbs-checked-1", 4242);
    assertThat(a.procsFiles("verbs-checked-1"))
        .doesNotContainAnyElementsOf(b.procsFiles("verbs-checked-1"));
    assertThat(a.procsFiles("verbs-checked-1"))
        .allSatisfy(
            p -> {
              assertThat(p.getParent().getFileName().toString())
                  .matches("verbs-checked-1-[0-9a-f]{8}");
              assertThat(p.getParent().getParent().getFileName().toString()).isEqualTo("jcompose");
            });
    assertThat(a.ids()).containsExactly("verbs-checked-1");

    b.delete("verbs-checked-1");
    assertThat(b.procsFiles("verbs-checked-1")).noneMatch(Files::exists);
    assertThat(a.procsFiles("verbs-checked-1"))
        .allSatisfy(p -> assertThat(tree.pids(p)).containsExactly(4242L));
    // the same root again (a restarted engine) finds its groups
    assertThat(driver.forInstance(Path.of("/tmp/engine-a/./data")).procsFiles("verbs-checked-1"))
        .isEqualTo(a.procsFiles("verbs-checked-1"));
  }

  @Test
  void forInstance_groupsUnderACgroupParent_keepTheContainersName() {
    CgroupDriver parented = driver.forInstance(Path.of("/tmp/engine-a/data")).under("/custom");
    parented.create("web-1", Resources.none());
    assertThat(parented.procsFiles("web-1"))
        .allMatch(p -> p.getParent().getFileName().toString().equals("web-1"));
  }

  @Test
  void groupOf_isWhatARecordKeeps_andWithGroupFindsItAgain() {
    CgroupDriver engine = driver.forInstance(Path.of("/tmp/engine-a/data"));
    Path group = engine.groupOf("web-1");
    assertThat(group.toString()).matches("jcompose/web-1-[0-9a-f]{8}");
    assertThat(driver.under("/custom/x").groupOf("web-1")).isEqualTo(Path.of("custom/x/web-1"));
    engine.create("web-1", Resources.none());
    engine.attach("web-1", 4242);

    // another engine naming groups otherwise (another root here) still reaches the recorded one
    CgroupDriver recorded =
        driver.forInstance(Path.of("/tmp/engine-b/data")).withGroup("web-1", group);
    assertThat(recorded.exists("web-1")).isTrue();
    assertThat(recorded.procsFiles("web-1")).isEqualTo(engine.procsFiles("web-1"));
    assertThat(recorded.pids("web-1")).containsExactly(4242L);
  }

  @Test
  void withGroup_ofAnEarlierEngine_plainId_isStoppedAndRemoved() {
    // engines before the instance suffix made jcompose/<id>
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 101);
    CgroupDriver engine = driver.forInstance(Path.of("/tmp/engine-a/data"));
    assertThat(engine.exists("web-1")).isFalse();

    CgroupDriver old = engine.withGroup("web-1", Path.of("jcompose/web-1"));
    assertThat(old.exists("web-1")).isTrue();
    old.killAll("web-1");
    old.delete("web-1");

    assertThat(tree.killed).containsExactly(101L);
    assertThat(driver.exists("web-1")).isFalse();
    assertThat(driver.procsFiles("web-1")).noneMatch(p -> Files.exists(p.getParent()));
  }

  @Test
  void withGroup_refusesAPathThatIsNotTheContainersGroup() {
    for (String bad : new String[] {"web-1", "/jcompose/web-1", "jcompose/other-1", "../x/web-1"}) {
      assertThatThrownBy(() -> driver.withGroup("web-1", Path.of(bad)))
          .as(bad)
          .isInstanceOf(ContainerException.class);
    }
  }

  @Test
  void ids_listsTheGroupsThatExist() {
    assertThat(driver.ids()).isEmpty();
    driver.create("a-1", Resources.none());
    driver.create("b-1", Resources.none());
    assertThat(driver.ids()).containsExactly("a-1", "b-1");
  }

  @Test
  void oomKillCount_readsTheKernelCounter_zeroWhenMissing() {
    driver.create("db-1", memory(8 << 20));
    assertThat(driver.oomKillCount("db-1")).isZero();
    recordOomKills("db-1", 3);
    assertThat(driver.oomKillCount("db-1")).isEqualTo(3);
    assertThat(driver.oomKillCount("nope-1")).isZero();
  }

  @Test
  void memoryUsage_isUsageMinusInactiveFile_orMinusOneWhenMissing() {
    driver.create("db-1", Resources.none());
    recordMemory("db-1", 10_000, 4_000);
    assertThat(driver.memoryUsage("db-1")).isEqualTo(6_000);
    assertThat(driver.memoryUsage("nope-1")).isEqualTo(-1);
  }

  @Test
  void create_memoryBelowSixMiB_isInvalid_andCreatesNothing() {
    assertThatThrownBy(() -> driver.create("web-1", memory(1 << 20)))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> assertThat(e.kind()).isEqualTo(ContainerException.Kind.INVALID))
        .hasMessageContaining("6MB");
    assertThat(driver.procsFiles("web-1")).noneMatch(Files::exists);
  }

  @Test
  void create_refusedLimitOnANewGroup_removesIt_butKeepsAnExistingOne() {
    driver.create("old-1", Resources.none());
    tree.refuse.add("pids.max");
    Resources pids = new Resources(null, null, null, null, null, null, null, 10L, null);
    assertThatThrownBy(() -> driver.create("new-1", pids)).hasMessageContaining("Invalid argument");
    assertThatThrownBy(() -> driver.create("old-1", pids)).hasMessageContaining("Invalid argument");
    assertThat(driver.ids()).containsExactly("old-1");
  }

  @Test
  void freeze_thenThaw_isReportedByFrozen() {
    driver.create("web-1", Resources.none());
    assertThat(driver.frozen("web-1")).isFalse();
    driver.freeze("web-1");
    assertThat(driver.frozen("web-1")).isTrue();
    driver.thaw("web-1");
    assertThat(driver.frozen("web-1")).isFalse();
  }

  @Test
  void pids_listsTheGroupsProcessesOnce() {
    driver.create("web-1", Resources.none());
    driver.attach("web-1", 12);
    driver.attach("web-1", 11);
    assertThat(driver.pids("web-1")).containsExactly(11L, 12L);
  }

  @Test
  void stats_ofAFreshGroup_isZeroUsageAndNoLimit() {
    driver.create("web-1", Resources.none());
    CgroupStats s = driver.stats("web-1");
    assertThat(s.cpuNanos()).isZero();
    assertThat(s.memoryLimit()).isEqualTo(-1);
    assertThat(s.blockRead()).isZero();
  }

  @Test
  void anyCall_withAPathLikeId_isInvalid() {
    assertThatThrownBy(() -> driver.create("../etc", Resources.none()))
        .isInstanceOf(ContainerException.class);
    assertThatThrownBy(() -> driver.delete("a/b")).isInstanceOf(ContainerException.class);
  }
}
