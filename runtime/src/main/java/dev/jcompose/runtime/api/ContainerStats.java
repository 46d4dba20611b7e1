package dev.jcompose.runtime.api;

import java.time.Instant;

/**
 * One reading of a running container's resource counters, what {@code docker stats} turns into
 * rates: CPU percent is the growth of {@code cpuNanos} over the time between two readings.
 *
 * @param read when the counters were read
 * @param cpuNanos CPU time its processes used since the container started
 * @param memoryUsage bytes in use minus inactive page cache; -1 unknown
 * @param memoryLimit its memory limit, or the host's memory when it has none
 * @param pids processes and threads; -1 unknown
 * @param blockRead bytes read from block devices
 * @param blockWrite bytes written to block devices
 * @param netRx bytes received on its network interfaces (loopback excluded); 0 in the host's
 *     network
 * @param netTx bytes sent on its network interfaces
 */
public record ContainerStats(
    Instant read,
    long cpuNanos,
    long memoryUsage,
    long memoryLimit,
    long pids,
    long blockRead,
    long blockWrite,
    long netRx,
    long netTx) {}
