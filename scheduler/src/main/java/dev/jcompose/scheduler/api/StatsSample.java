package dev.jcompose.scheduler.api;

import java.time.Instant;

/**
 * One reading of a container's counters for {@code stats}: the CLI turns two readings into rates
 * (CPU percent = CPU time used over the time between them). Counters of a container that is not
 * running are zero.
 *
 * @param cpuNanos CPU time used since it started
 * @param memoryUsage bytes in use without inactive page cache
 * @param memoryLimit its limit, or the host's memory
 */
public record StatsSample(
    String container,
    String id,
    String service,
    Instant read,
    long cpuNanos,
    long memoryUsage,
    long memoryLimit,
    long pids,
    long blockRead,
    long blockWrite,
    long netRx,
    long netTx) {}
