package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;

/**
 * v1 freezer (cgroup-v1/freezer-subsystem.rst): writing FROZEN starts freezing; the state reads
 * FREEZING until every task has stopped, so poll (bounded) like runc fs/freezer.go. If it never
 * settles we go on anyway: killing then still works after the thaw.
 */
final class V1Freezer {
  private static final int POLLS = 100;

  private final CgroupFs fs;

  V1Freezer(CgroupFs fs) {
    this.fs = fs;
  }

  void freeze(Path group) {
    Path state = group.resolve("freezer.state");
    if (!fs.exists(state)) {
      return;
    }
    fs.write(state, "FROZEN");
    for (int i = 0; i < POLLS && !fs.read(state).trim().equals("FROZEN"); i++) {
      sleepBriefly();
    }
  }

  boolean frozen(Path group) {
    return fs.readIfExists(group.resolve("freezer.state"))
        .map(s -> !s.trim().equals("THAWED"))
        .orElse(false);
  }

  void thaw(Path group) {
    Path state = group.resolve("freezer.state");
    if (fs.exists(state)) {
      fs.write(state, "THAWED");
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
