package dev.jcompose.runtime.container;

/**
 * A process's start time, the usual guard against pid reuse: its start in clock ticks since boot
 * (/proc/PID/stat field 22), read from that file alone. The JDK's {@code ProcessHandle.of(pid)},
 * {@code isAlive()} and {@code info().startInstant()} read it three times and {@code info()} also
 * the command line and the owner's name through NSS (/etc/passwd parsed per call), for every
 * container each time its state is observed (create, start, every ps and up result). Ticks are
 * compared as ticks: an epoch time derived from them through the boot time moves whenever the clock
 * is stepped (btime of /proc/stat is now minus uptime), so two reads, or two processes (the engine,
 * a CLI), could disagree about one process.
 */
final class ProcessStart {
  private static final ProcTable PROC = ProcTable.host();

  private ProcessStart() {}

  /** Start time in ticks since boot, or 0 if the process is gone or the OS does not say. */
  static long ticks(int pid) {
    return Math.max(0, PROC.startTicks(pid));
  }

  /** Alive and, when a start time was recorded, still the same process. */
  static boolean isSame(int pid, long recordedTicks) {
    if (pid <= 0) {
      return false;
    }
    long started = PROC.startTicks(pid);
    if (started < 0) {
      return false;
    }
    return recordedTicks == 0 || recordedTicks == started;
  }

  /**
   * {@link #isSame} for a start recorded by an engine before ticks: epoch millis, boot time plus
   * ticks, compared exactly as that engine compared them. A clock step since makes this false for a
   * live container; its monitor, which still answers, then keeps it running ({@code
   * StateObserver}), and its next run records ticks.
   */
  static boolean isSameAsMillis(int pid, long recordedMillis) {
    if (pid <= 0) {
      return false;
    }
    long started = PROC.startMillis(pid, PROC.bootTime());
    return started >= 0 && (recordedMillis == 0 || recordedMillis == started);
  }
}
