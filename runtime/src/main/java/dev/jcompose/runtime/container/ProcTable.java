package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code docker top} and {@code docker stats} read of a container's processes from the host's
 * {@code /proc} (proc(5)): stat, status and cmdline per pid, net/dev of the container's network
 * namespace, and the host's memory for a container without a limit. A process that exits while it
 * is read is left out. The root is a parameter so unit tests read a fake tree.
 */
final class ProcTable {
  // USER_HZ: the unit of the tick counts in /proc/<pid>/stat; 100 on every Linux ABI (proc(5)).
  private static final long TICKS = 100;
  private static final int TTY_PTS_FIRST_MAJOR = 136;
  private static final int TTY_PTS_LAST_MAJOR = 143;

  private final Path proc;

  ProcTable(Path proc) {
    this.proc = proc;
  }

  static ProcTable host() {
    return new ProcTable(Path.of("/proc"));
  }

  /** The processes among {@code pids} still alive, in pid order, as {@code ps -ef} shows them. */
  List<ProcessInfo> processes(List<Long> pids, Instant now) {
    long bootEpoch = bootTime();
    List<ProcessInfo> out = new ArrayList<>();
    for (long pid : pids) {
      process(pid, bootEpoch, now).ifPresent(out::add);
    }
    return out;
  }

  private Optional<ProcessInfo> process(long pid, long bootEpoch, Instant now) {
    Path dir = proc.resolve(Long.toString(pid));
    try {
      String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
      String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
      long ppid = Long.parseLong(f[1]);
      long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      Instant started =
          Instant.ofEpochSecond(bootEpoch).plusMillis(Long.parseLong(f[19]) * 1000 / TICKS);
      long alive = Math.max(1, Duration.between(started, now).toMillis());
      int cpu = (int) Math.min(999, ticks * 1000 / TICKS * 100 / alive);
      return Optional.of(
          new ProcessInfo(
              uid(dir),
              pid,
              ppid,
              cpu,
              started,
              tty(Long.parseLong(f[4])),
              ticks / TICKS,
              commandLine(dir, comm)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // exited while we read it
    }
  }

  private static long uid(Path dir) throws IOException {
    for (String line : Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8)) {
      if (line.startsWith("Uid:")) {
        return Long.parseLong(line.substring(4).trim().split("\\s+", -1)[0]);
      }
    }
    return 0;
  }

  /**
   * cmdline with its NULs as spaces; a kernel thread or zombie has none: {@code [comm]} as ps
   * shows.
   */
  private static String commandLine(Path dir, String comm) throws IOException {
    byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
    int end = raw.length;
    while (end > 0 && raw[end - 1] == 0) {
      end--;
    }
    if (end == 0) {
      return "[" + comm + "]";
    }
    return new String(raw, 0, end, StandardCharsets.UTF_8).replace('\0', ' ');
  }

  /** tty_nr of stat to ps's name: pts/N for the Unix98 pty majors, "?" for none or another. */
  static String tty(long ttyNr) {
    long major = (ttyNr >> 8) & 0xfff;
    long minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
    if (ttyNr == 0 || major < TTY_PTS_FIRST_MAJOR || major > TTY_PTS_LAST_MAJOR) {
      return "?";
    }
    return "pts/" + ((major - TTY_PTS_FIRST_MAJOR) * 256 + minor);
  }

  /**
   * When {@code pid} started, in clock ticks since boot (stat's starttime, field 22): -1 if the
   * process is gone, 0 if its stat cannot be read as expected.
   */
  long startTicks(long pid) {
    String stat;
    try {
      stat =
          Files.readString(
              proc.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return -1; // gone (or never was)
    }
    try {
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+", -1);
      return Long.parseLong(f[19]);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * When {@code pid} started, in epoch millis: boot time plus stat's starttime, computed as the
   * JDK's ProcessHandle computes it on Linux (as engines before start ticks recorded it); -1 if the
   * process is gone, 0 if its stat cannot be read as expected.
   */
  long startMillis(long pid, long bootEpoch) {
    long ticks = startTicks(pid);
    return ticks <= 0 ? ticks : bootEpoch * 1000 + ticks * 1000 / TICKS;
  }

  /** The host's boot time in epoch seconds (btime of /proc/stat), 0 if unknown. */
  long bootTime() {
    try {
      for (String line : Files.readAllLines(proc.resolve("stat"), StandardCharsets.UTF_8)) {
        if (line.startsWith("btime ")) {
          return Long.parseLong(line.substring(6).trim());
        }
      }
    } catch (IOException | NumberFormatException e) {
      // fall through: start times are then relative to the epoch, never wrong by more than uptime
    }
    return 0;
  }

  /** {rx, tx} bytes over every interface but lo in the network namespace of {@code pid}. */
  long[] network(long pid) {
    long[] rxTx = new long[2];
    try {
      for (String line :
          Files.readAllLines(
              proc.resolve(Long.toString(pid)).resolve("net/dev"), StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon < 0 || line.substring(0, colon).trim().equals("lo")) {
          continue;
        }
        String[] f = line.substring(colon + 1).trim().split("\\s+", -1);
        if (f.length >= 9) {
          rxTx[0] += Long.parseLong(f[0]);
          rxTx[1] += Long.parseLong(f[8]);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // the process exited: no counters
    }
    return rxTx;
  }

  /**
   * MemTotal of /proc/meminfo in bytes, what docker shows as the limit of an unlimited container.
   */
  long hostMemory() {
    try {
      for (String line : Files.readAllLines(proc.resolve("meminfo"), StandardCharsets.US_ASCII)) {
        if (line.startsWith("MemTotal:")) {
          return Long.parseLong(line.substring(9).trim().split("\\s+", -1)[0]) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // unknown
    }
    return -1;
  }
}
