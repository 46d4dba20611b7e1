package dev.jcompose.runtime.cgroup;

/**
 * Sums the per-device byte counters of a group's block I/O file: v1 {@code
 * blkio.throttle.io_service_bytes_recursive} lines {@code 8:0 Read 4096} (docker reads the same
 * file), v2 {@code io.stat} lines {@code 8:0 rbytes=4096 wbytes=0 rios=1 ...} (cgroup-v2.rst "IO
 * Interface Files").
 */
final class IoCounters {
  private IoCounters() {}

  /** {read, write} bytes of a v1 io_service_bytes file. */
  static long[] v1(String content) {
    long[] rw = new long[2];
    for (String line : content.split("\n", -1)) {
      String[] f = line.trim().split("\\s+", -1);
      if (f.length == 3 && f[0].contains(":")) {
        if (f[1].equals("Read")) {
          rw[0] += parse(f[2]);
        } else if (f[1].equals("Write")) {
          rw[1] += parse(f[2]);
        }
      }
    }
    return rw;
  }

  /** {read, write} bytes of a v2 io.stat file. */
  static long[] v2(String content) {
    long[] rw = new long[2];
    for (String line : content.split("\n", -1)) {
      for (String field : line.trim().split("\\s+", -1)) {
        if (field.startsWith("rbytes=")) {
          rw[0] += parse(field.substring(7));
        } else if (field.startsWith("wbytes=")) {
          rw[1] += parse(field.substring(7));
        }
      }
    }
    return rw;
  }

  /** A counter, a limit ("max" = -1) or -1 when unreadable. */
  static long parse(String value) {
    String v = value.trim();
    if (v.equals("max")) {
      return -1;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
