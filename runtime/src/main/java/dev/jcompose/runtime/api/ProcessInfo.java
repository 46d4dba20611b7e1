package dev.jcompose.runtime.api;

import java.time.Instant;

/**
 * A process of a container as the host sees it, with what {@code ps -ef} prints (docker top's
 * default): UID PID PPID C STIME TTY TIME CMD.
 *
 * @param uid the real user id
 * @param cpuPercent CPU time over lifetime, in percent (ps's "C")
 * @param started when the process started
 * @param tty the controlling terminal ("pts/0") or "?"
 * @param cpuSeconds user + system CPU time used
 * @param command the command line, or {@code [comm]} for a process without one
 */
public record ProcessInfo(
    long uid,
    long pid,
    long ppid,
    int cpuPercent,
    Instant started,
    String tty,
    long cpuSeconds,
    String command) {}
