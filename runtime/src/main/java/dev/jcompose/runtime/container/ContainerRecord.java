package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ExitStatus;

/**
 * What the runtime persists per container ({@code state.json}); together with the shim's exit file
 * and liveness it yields the observed {@link dev.jcompose.runtime.api.ContainerState}. Times are
 * ISO-8601 strings (null = not yet). {@code oomBase} is the cgroup's OOM-kill count when the
 * current run started, so a later increase marks this run as OOM-killed.
 */
record ContainerRecord(
    ContainerSpec spec,
    ProcessIdentity identity,
    String createdAt,
    String startedAt,
    String finishedAt,
    int pid,
    long oomBase,
    ExitStatus exit) {

  ContainerRecord withRun(int newPid, String started, long newOomBase) {
    return new ContainerRecord(spec, identity, createdAt, started, null, newPid, newOomBase, null);
  }

  ContainerRecord withExit(String finished, ExitStatus status) {
    return new ContainerRecord(spec, identity, createdAt, startedAt, finished, pid, oomBase, status);
  }
}
