package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerSpec.Resources;
import java.nio.file.Path;
import java.util.List;

/**
 * The one door to cgroups: v1 (one hierarchy per controller) or v2 (unified), chosen by
 * {@code CgroupDrivers.detect()} from what is mounted, never assumed. Every container gets a group
 * named by its id under a {@code jcompose} parent in each hierarchy.
 */
public interface CgroupDriver {

  /** Creates the container's group(s) and writes the limits. Idempotent. */
  void create(String id, Resources resources);

  /** Moves {@code pid} into the container's group(s). */
  void attach(String id, int pid);

  /** The {@code cgroup.procs} files a process must be written to in order to join the container. */
  List<Path> procsFiles(String id);

  /** Number of OOM kills the kernel recorded for the group (memory.events oom_kill / v1 oom_control). */
  long oomKillCount(String id);

  /** SIGKILLs every process in the group (cgroup.kill on v2, per-pid on v1). */
  void killAll(String id);

  /** Removes the group(s); waits briefly for them to empty. Missing groups are fine. */
  void delete(String id);

  /** Current memory use in bytes, or -1 if unknown. */
  long memoryUsage(String id);
}
