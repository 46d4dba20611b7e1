package dev.jcompose.runtime.cgroup;

/**
 * One reading of a container group's counters, as {@code docker stats} shows them.
 *
 * @param cpuNanos CPU time used by the group since it was made (cpuacct.usage on v1, cpu.stat
 *     usage_usec on v2)
 * @param memoryUsage bytes in use minus inactive page cache (docker's "MEM USAGE"); -1 unknown
 * @param memoryLimit the group's memory limit in bytes; -1 when unlimited
 * @param pids processes and threads in the group (pids.current); -1 unknown
 * @param blockRead bytes read from block devices by the group
 * @param blockWrite bytes written to block devices by the group
 */
public record CgroupStats(
    long cpuNanos,
    long memoryUsage,
    long memoryLimit,
    long pids,
    long blockRead,
    long blockWrite) {}
