package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;

/**
 * v2 freezer (cgroup-v2.rst "Core Interface Files", cgroup.freeze): writing 1 starts freezing the
 * subtree, and {@code cgroup.events} reads {@code frozen 1} once every task has stopped; poll it
 * (bounded) as runc's fs2 freezer does. Kernels before 5.2 have no cgroup.freeze: nothing to do.
 */
final class V2Freezer {
  private static final int POLLS = 500;

  private final CgroupFs fs;

  V2Freezer(CgroupFs fs) {
    this.fs = fs;
  }

  void freeze(Path group) {
    Path freeze = group.resolve("cgroup.freeze");
    if (!fs.exists(freeze)) {
      return;
    }
    fs.write(freeze, "1");
    for (int i = 0; i < POLLS && !frozen(group); i++) {
      sleepBriefly();
    }
  }

  void thaw(Path group) {
    Path freeze = group.resolve("cgroup.freeze");
    if (fs.exists(freeze)) {
      fs.write(freeze, "0");
    }
  }

  /**
   * frozen 1 in cgroup.events; without that file (an old kernel), what was asked in cgroup.freeze.
   */
  boolean frozen(Path group) {
    return fs.readIfExists(group.resolve("cgroup.events"))
        .map(e -> KeyedValues.get(e, "frozen").orElse(0) == 1)
        .orElseGet(
            () ->
                fs.readIfExists(group.resolve("cgroup.freeze"))
                    .map(s -> s.trim().equals("1"))
                    .orElse(false));
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
