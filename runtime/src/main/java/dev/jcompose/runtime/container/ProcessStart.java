package dev.jcompose.runtime.container;

/**
 * A process's start time, the usual guard against pid reuse. Read from /proc/PID/stat alone: the
 * JDK's {@code ProcessHandle.of(pid)}, {@code isAlive()} and {@code info().startInstant()} read
 * that file three times and {@code info()} also the command line and the owner's name through NSS
 * (/etc/passwd parsed per call), for every container each time its state is observed (create,
 * start, every ps and up result); this reads it once, with the same arithmetic.
 */
final class ProcessStart {
  private static final ProcTable PROC = ProcTable.host();
  // the boot time does not change while the engine runs: read once
  private static final long BOOT_EPOCH = PROC.bootTime();

  private ProcessStart() {}

  /** Start time in epoch millis, or 0 if the process is gone or the OS does not say. */
  static long millis(int pid) {
    return Math.max(0, PROC.startMillis(pid, BOOT_EPOCH));
  }

  /** Alive and, when a start time was recorded, still the same process. */
  static boolean isSame(int pid, long recordedMillis) {
    if (pid <= 0) {
      return false;
    }
    long started = PROC.startMillis(pid, BOOT_EPOCH);
    if (started < 0) {
      return false;
    }
    return recordedMillis == 0 || recordedMillis == started;
  }
}
