package dev.jcompose.convert.k8s;

import java.time.Duration;

/** Kubernetes quantities and whole seconds from compose's bytes, nano-CPUs and durations. */
final class Quantities {
  private static final long KI = 1024;
  private static final long MI = KI * KI;
  private static final long GI = MI * KI;

  private Quantities() {}

  /**
   * Bytes in the largest binary unit that divides them exactly ({@code 536870912} -> {@code
   * 512Mi}).
   */
  static String bytes(long bytes) {
    if (bytes != 0 && bytes % GI == 0) {
      return bytes / GI + "Gi";
    }
    if (bytes != 0 && bytes % MI == 0) {
      return bytes / MI + "Mi";
    }
    if (bytes != 0 && bytes % KI == 0) {
      return bytes / KI + "Ki";
    }
    return Long.toString(bytes);
  }

  /**
   * CPUs in millicores, rounded up to the 1m Kubernetes' cpu quantity resolves ({@code 500000000}
   * ns -> {@code 500m}).
   */
  static String nanoCpus(long nanoCpus) {
    long milli = Math.max(1, (nanoCpus + 999_999) / 1_000_000);
    return milli % 1000 == 0 ? Long.toString(milli / 1000) : milli + "m";
  }

  /** Whole seconds, rounded up and at least 1 (probe periods and timeouts count seconds). */
  static int seconds(Duration d) {
    long s = d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, s));
  }

  static boolean wholeSeconds(Duration d) {
    return d.getNano() == 0 && d.getSeconds() >= 1;
  }
}
