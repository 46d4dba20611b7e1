package dev.jcompose.runtime.cgroup;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Kills every process listed in a set of {@code cgroup.procs} files, for kernels without v2's
 * {@code cgroup.kill} (Linux &lt; 5.14) and for v1. A process may fork between our read and our
 * kill, so callers freeze the group first when they can; without a freezer we sweep repeatedly
 * until the files read empty (bounded).
 */
final class ProcessSweeper {
  private static final int ROUNDS = 20;

  private final CgroupFs fs;

  ProcessSweeper(CgroupFs fs) {
    this.fs = fs;
  }

  /** One pass: SIGKILL each pid found now. Returns how many were signalled. */
  int killOnce(List<Path> procsFiles) {
    Set<Long> pids = pids(procsFiles);
    pids.forEach(fs::kill);
    return pids.size();
  }

  /**
   * Passes until no pid is left or the bound is hit (a fork bomb without freezer can outrun us).
   */
  void killUntilEmpty(List<Path> procsFiles) {
    for (int i = 0; i < ROUNDS && killOnce(procsFiles) > 0; i++) {
      pause();
    }
  }

  Set<Long> pids(List<Path> procsFiles) {
    Set<Long> pids = new TreeSet<>();
    for (Path file : procsFiles) {
      for (String line : fs.readIfExists(file).orElse("").split("\n", -1)) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    }
    return pids;
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
