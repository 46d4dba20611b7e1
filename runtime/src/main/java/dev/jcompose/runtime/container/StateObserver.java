package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Optional;

/**
 * Derives the observed state from the stored record, the shim's exit file and process liveness —
 * the same answer for the engine that created the container and for a later one re-adopting it.
 */
final class StateObserver {
  /** Reported when the monitor vanished without writing an exit status (e.g. SIGKILLed). */
  static final ExitStatus UNKNOWN_EXIT = new ExitStatus(255, 0, false);
  private static final int SIGKILL = 9;

  private final CgroupDriver cgroups;

  StateObserver(CgroupDriver cgroups) {
    this.cgroups = cgroups;
  }

  ContainerState observe(ContainerRecord rec, ContainerDirs dirs) {
    var spec = rec.spec();
    var netns = switch (spec.network().kind()) {
      case NEW, NONE -> dirs.netns();
      case JOIN -> spec.network().joinPath();
      case HOST -> null;
    };
    Optional<ExitFile> exit = ExitFile.read(dirs.exitFile());
    Instant created = parse(rec.createdAt());
    Instant started = parse(rec.startedAt());
    if (exit.isPresent()) {
      ExitFile e = exit.get();
      boolean oom = e.signal() == SIGKILL && cgroups.oomKillCount(spec.id()) > rec.oomBase();
      return new ContainerState(spec.id(), Status.EXITED, 0, netns, dirs.log(), created, started, e.finishedAt(), e.status(oom), spec.labels());
    }
    if (rec.pid() > 0 && (alive(rec.pid()) || Files.exists(dirs.socket()))) {
      Status s = started == null ? Status.CREATED : Status.RUNNING;
      return new ContainerState(spec.id(), s, rec.pid(), netns, dirs.log(), created, started, null, null, spec.labels());
    }
    return new ContainerState(spec.id(), Status.EXITED, 0, netns, dirs.log(), created, started, null, UNKNOWN_EXIT, spec.labels());
  }

  private static boolean alive(int pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static Instant parse(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
