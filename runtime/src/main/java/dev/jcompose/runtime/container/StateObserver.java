package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ContainerState.Status;
import dev.jcompose.runtime.api.ExitStatus;
import dev.jcompose.runtime.cgroup.CgroupDriver;
import dev.jcompose.runtime.shim.ShimClient;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * Derives the observed state from the stored record, the shim's exit file and process liveness —
 * the same answer for the engine that created the container and for a later one re-adopting it.
 */
final class StateObserver {
  /** Reported when the monitor vanished without writing an exit status (e.g. SIGKILLed). */
  static final ExitStatus UNKNOWN_EXIT = new ExitStatus(255, 0, false);

  private static final int SIGKILL = 9;
  private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(2);

  private final Function<ContainerRecord, CgroupDriver> cgroups;

  StateObserver(Function<ContainerRecord, CgroupDriver> cgroups) {
    this.cgroups = cgroups;
  }

  ContainerState observe(ContainerRecord rec, ContainerDirs dirs) {
    var spec = rec.spec();
    var netns =
        switch (spec.network().kind()) {
          case NEW, NONE -> dirs.netns();
          case JOIN -> spec.network().joinPath();
          case HOST -> null;
        };
    Instant created = parse(rec.createdAt());
    Instant started = parse(rec.startedAt());
    Optional<ExitFile> exit = ExitFile.read(dirs.exitFile());
    if (exit.isEmpty()) {
      if (rec.pid() > 0 && (rec.initIsAlive() || monitorDraining(dirs))) {
        Status s = started == null ? Status.CREATED : Status.RUNNING;
        boolean paused = s == Status.RUNNING && cgroups.apply(rec).frozen(spec.id());
        return new ContainerState(
            spec.id(),
            s,
            rec.pid(),
            netns,
            dirs.log(spec),
            created,
            started,
            null,
            null,
            spec.labels(),
            paused);
      }
      // The monitor may have written its exit file and gone while we asked it (it stops answering
      // once it leaves its loop): read again before calling the exit unknown.
      exit = ExitFile.read(dirs.exitFile());
    }
    if (exit.isPresent()) {
      ExitFile e = exit.get();
      boolean oom =
          e.signal() == SIGKILL && cgroups.apply(rec).oomKillCount(spec.id()) > rec.oomBase();
      return new ContainerState(
          spec.id(),
          Status.EXITED,
          0,
          netns,
          dirs.log(spec),
          created,
          started,
          e.finishedAt(),
          e.status(oom),
          spec.labels());
    }
    return new ContainerState(
        spec.id(),
        Status.EXITED,
        0,
        netns,
        dirs.log(spec),
        created,
        started,
        null,
        UNKNOWN_EXIT,
        spec.labels());
  }

  /** The init is gone but its monitor still drains output before writing the exit file. */
  private static boolean monitorDraining(ContainerDirs dirs) {
    if (!Files.exists(dirs.socket())) {
      return false;
    }
    try {
      return ShimClient.request(dirs.socket(), "state", MONITOR_TIMEOUT) != null;
    } catch (IOException e) {
      return false; // a stale socket file, e.g. after a reboot
    }
  }

  private static Instant parse(String s) {
    return s == null ? null : Instant.parse(s);
  }
}
