package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.nio.file.Path;
import java.util.List;

/**
 * The one door to cgroups: v1 (one hierarchy per controller) or v2 (unified), chosen by {@code
 * CgroupDrivers.detect()} from what is mounted, never assumed. Every container gets a group named
 * by its id under a {@code jcompose} parent in each hierarchy.
 *
 * <p>Lifecycle: {@link #create} (before the container's first process runs) -> {@link #attach} the
 * shim's child (or write {@link #procsFiles} from the shim) -> ... -> {@link #killAll} -> {@link
 * #delete} once the processes are reaped. Failures are {@code ContainerException}s: INVALID for
 * limits docker would refuse (memory &lt; 6 MiB, memswap &lt; memory, ...), CONFLICT when a group
 * stays busy on delete, UNAVAILABLE/PERMISSION for kernel refusals.
 *
 * <p>Mapping of limits to files: see {@code V1LimitWriter} and {@code V2LimitWriter}. Not handled
 * here: {@code oom_score_adj} (a process attribute: write {@code /proc/<pid>/oom_score_adj}).
 *
 * <p>Note for callers (shim): {@link #ids()} was added so the engine can sweep groups left by a
 * crash at start-up; nothing else changed from the first version of this interface.
 */
public interface CgroupDriver {

  /**
   * Creates the container's group(s) and writes the limits. Idempotent; limits may be raised or
   * lowered by calling it again. docker's default applies: memory set and swap unset gives
   * memory+swap = 2 x memory.
   */
  void create(String id, Resources resources);

  /**
   * Makes {@code allowed} the group's whole device allow-list, everything else denied (a list with
   * {@link DeviceRule#ALL} allows every device: privileged containers). v1 writes the devices
   * controller's {@code devices.deny}/{@code devices.allow}; v2 attaches an eBPF {@code
   * BPF_CGROUP_DEVICE} program. Call after {@link #create}, before a process joins.
   */
  void allowDevices(String id, List<DeviceRule> allowed);

  /** Moves {@code pid} into the container's group(s). */
  void attach(String id, int pid);

  /** The {@code cgroup.procs} files a process must be written to in order to join the container. */
  List<Path> procsFiles(String id);

  /**
   * Number of OOM kills the kernel recorded for the group (memory.events oom_kill / v1
   * oom_control); 0 if unknown.
   */
  long oomKillCount(String id);

  /**
   * SIGKILLs every process in the group (cgroup.kill on v2, freeze + per-pid on v1). Returns at
   * once.
   */
  void killAll(String id);

  /** Removes the group(s); waits briefly (~2 s) for them to empty. Missing groups are fine. */
  void delete(String id);

  /**
   * Current memory use in bytes as {@code docker stats} shows it (minus inactive page cache), or -1
   * if unknown.
   */
  long memoryUsage(String id);

  /**
   * Ids of the groups that exist now under {@code jcompose/}, of this driver's instance only when
   * it has one ({@link #forInstance}): for sweeping stale ones at engine start.
   */
  List<String> ids();

  /**
   * Freezes every process of the group ({@code docker pause}): v1 freezer.state FROZEN, v2
   * cgroup.freeze 1; returns once the kernel reports the group frozen (bounded wait).
   */
  void freeze(String id);

  /** Thaws a frozen group; a group that is not frozen is fine. */
  void thaw(String id);

  /** Whether the group is frozen (or freezing) now; false when it does not exist. */
  boolean frozen(String id);

  /** The group's CPU, memory, pids and block I/O counters now. */
  CgroupStats stats(String id);

  /** Pids (as the host sees them) of every process in the group, sorted. */
  List<Long> pids(String id);

  /**
   * The same driver with containers' groups under {@code cgroupParent} (compose's {@code
   * cgroup_parent}, a path from each hierarchy's root) instead of {@code jcompose}; null or blank
   * gives a driver equal to the engine's default one. Parents it creates stay when a container is
   * removed, as with dockerd; {@link #ids()} of the returned driver lists that parent's groups.
   *
   * @throws dev.jcompose.runtime.api.ContainerException INVALID for a parent that is not a path of
   *     safe group names
   */
  CgroupDriver under(String cgroupParent);

  /**
   * The same driver naming the groups under {@code jcompose/} {@code <id>-<instance>}, the instance
   * being a hash of the engine's state root ({@code CgroupNames.instanceSuffix}): groups under a
   * {@code cgroup_parent} keep docker's {@code <parent>/<id>}, the place the user chose.
   */
  CgroupDriver forInstance(Path stateRoot);

  /**
   * The group of {@code id} as a path from each hierarchy's root ({@code jcompose/<id>-<instance>},
   * {@code <cgroup_parent>/<id>}): what the container's record keeps, so that an engine naming
   * groups another way later still finds this one.
   */
  Path groupOf(String id);

  /**
   * The same driver with the group of {@code id} at {@code group}, a path from each hierarchy's
   * root as {@link #groupOf} gave it, maybe by an engine that named groups another way: its last
   * name is the id, alone or with a suffix.
   *
   * @throws dev.jcompose.runtime.api.ContainerException INVALID for a path that is not safe group
   *     names or whose last name is not the id's
   */
  CgroupDriver withGroup(String id, Path group);

  /** Whether the group of {@code id} exists (in the first hierarchy on v1). */
  boolean exists(String id);
}
