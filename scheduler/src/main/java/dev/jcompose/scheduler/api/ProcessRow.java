package dev.jcompose.scheduler.api;

/**
 * A process of a container as {@code top} prints it, in the columns of {@code ps -ef}: UID (the
 * host's user name for the uid), PID, PPID, C, STIME, TTY, TIME, CMD.
 */
public record ProcessRow(
    String uid,
    long pid,
    long ppid,
    int cpu,
    String started,
    String tty,
    String time,
    String command) {}
