package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ExitStatus;

/**
 * What the runtime persists per container ({@code state.json}); together with the shim's exit file
 * and liveness it yields the observed {@link dev.jcompose.runtime.api.ContainerState}. Times are
 * ISO-8601 strings (null = not yet). {@code oomBase} is the cgroup's OOM-kill count when the
 * current run started, so a later increase marks this run as OOM-killed.
 *
 * <p>{@code pidStartTicks} is the init's start time in clock ticks since boot (/proc/PID/stat field
 * 22), so a pid reused by another process is not mistaken for the container. Ticks are compared to
 * ticks: no clock step moves them, unlike epoch times computed from the boot time (btime of
 * /proc/stat moves when the clock is stepped). Engines before it kept {@code pidStartMillis} (epoch
 * millis from btime) instead; such a record still names its container: with no ticks and millis
 * recorded, the millis are compared as those engines compared them ({@link #initIsAlive}). New
 * records write 0 there, and the next run of the container records ticks.
 *
 * <p>{@code cgroup} is the container's group as a path from each hierarchy's root ({@code
 * jcompose/<id>-<instance>} or {@code <cgroup_parent>/<id>}), recorded at create so an engine that
 * names groups another way still finds, stops and removes it. Records of engines before it have
 * none: their groups are found where those engines put them ({@code
 * LinuxContainerRuntime.cgroupsOf(ContainerRecord)}).
 */
record ContainerRecord(
    ContainerSpec spec,
    ProcessIdentity identity,
    String createdAt,
    String startedAt,
    String finishedAt,
    int pid,
    long pidStartTicks,
    long pidStartMillis,
    long oomBase,
    ExitStatus exit,
    String cgroup) {

  /** A new container's record: created now, no run yet, its group at {@code cgroup}. */
  static ContainerRecord created(
      ContainerSpec spec, ProcessIdentity identity, String createdAt, String cgroup) {
    return new ContainerRecord(spec, identity, createdAt, null, null, 0, 0, 0, 0, null, cgroup);
  }

  ContainerRecord withRun(int newPid, String started, long newOomBase) {
    boolean same = newPid == pid;
    return new ContainerRecord(
        spec,
        identity,
        createdAt,
        started,
        null,
        newPid,
        same ? pidStartTicks : ProcessStart.ticks(newPid),
        same ? pidStartMillis : 0,
        newOomBase,
        null,
        cgroup);
  }

  /** Whether the recorded init still runs: alive, and the same process by its start time. */
  boolean initIsAlive() {
    if (pidStartTicks == 0 && pidStartMillis != 0) {
      return ProcessStart.isSameAsMillis(pid, pidStartMillis); // a record of an earlier engine
    }
    return ProcessStart.isSame(pid, pidStartTicks);
  }
}
