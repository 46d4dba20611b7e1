package dev.jcompose.runtime.container;

import java.time.Instant;

/** A process's start time, the usual guard against pid reuse. */
final class ProcessStart {
  private ProcessStart() {}

  /** Start time in epoch millis, or 0 if the process is gone or the OS does not say. */
  static long millis(int pid) {
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().startInstant())
        .map(Instant::toEpochMilli)
        .orElse(0L);
  }

  /** Alive and, when a start time was recorded, still the same process. */
  static boolean isSame(int pid, long recordedMillis) {
    var handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    if (handle.isEmpty()) {
      return false;
    }
    return recordedMillis == 0 || recordedMillis == millis(pid);
  }
}
