package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ExitStatus;

/**
 * What the runtime persists per container ({@code state.json}); together with the shim's exit file
 * and liveness it yields the observed {@link dev.jcompose.runtime.api.ContainerState}. Times are
 * ISO-8601 strings (null = not yet). {@code oomBase} is the cgroup's OOM-kill count when the
 * current run started, so a later increase marks this run as OOM-killed. {@code pidStartMillis} is
 * the init's start time, so a pid reused after a reboot is not mistaken for the container.
 */
record ContainerRecord(
    ContainerSpec spec,
    ProcessIdentity identity,
    String createdAt,
    String startedAt,
    String finishedAt,
    int pid,
    long pidStartMillis,
    long oomBase,
    ExitStatus exit) {

  ContainerRecord withRun(int newPid, String started, long newOomBase) {
    long startMillis = newPid == pid ? pidStartMillis : ProcessStart.millis(newPid);
    return new ContainerRecord(
        spec, identity, createdAt, started, null, newPid, startMillis, newOomBase, null);
  }
}
