package dev.jcompose.runtime.container;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits for the monitors this runtime started to be gone — exited and reaped — so that removing a
 * container returns only when none of its processes is left on the host.
 *
 * <p>{@code jcshim create} forks the monitor and exits, so the monitor is an orphan from its first
 * moment: the kernel hands it to the nearest ancestor marked "child subreaper" (prctl(2)
 * PR_SET_CHILD_SUBREAPER), else to pid 1. Left to pid 1, its exit leaves a zombie until pid 1 gets
 * round to waiting for it, which some inits (a VM's or a container's minimal one) do only every
 * second or two. So this JVM marks itself a subreaper, and after a container's exit it waits on the
 * monitor's pidfd (pidfd_open(2): readable once the process has exited) and reaps it (waitpid(2),
 * WNOHANG). Monitors of an earlier engine were orphaned to someone else and are unknown here; they
 * still end on their own, only nobody here waits for them. The JDK reaps the processes it spawns by
 * their own pids, so nothing of it is taken; the adopted monitors are reaped only by pid, never
 * with a wildcard.
 */
final class MonitorExits {
  /** The monitor exits right after writing the exit file; this only bounds a monitor gone wrong. */
  private static final Duration GONE_TIMEOUT = Duration.ofSeconds(10);

  private final NativeOps ops;
  private final ConcurrentHashMap<String, Monitor> monitors = new ConcurrentHashMap<>();

  MonitorExits(NativeOps ops) {
    this.ops = ops;
    if (!Subreaper.become(
        ops)) { // before the first monitor is orphaned; without it pid 1 reaps them
      System.getLogger(MonitorExits.class.getName())
          .log(System.Logger.Level.DEBUG, "not a child subreaper");
    }
  }

  /** The process becomes a subreaper once, whatever the number of runtimes in it. */
  private static final class Subreaper {
    private static volatile Boolean done;

    static synchronized boolean become(NativeOps ops) {
      if (done == null) {
        done = ops.becomeChildSubreaper();
      }
      return done;
    }
  }

  /** Records the monitor of a container whose init has just been created (and waits for start). */
  void launched(String id, int initPid) {
    int monitor = parentOf(initPid);
    if (monitor > 1) {
      Monitor previous = monitors.put(id, new Monitor(monitor));
      if (previous != null) {
        previous.awaitGone(ops);
      }
    }
  }

  /**
   * Returns once the container's current monitor has exited and, when it is this JVM's child, has
   * been reaped; at once if no monitor of this runtime is known for it. Call after the container is
   * seen EXITED. Idempotent and safe from several threads.
   */
  void awaitGone(String id) {
    Monitor m = monitors.get(id);
    if (m != null) {
      m.awaitGone(ops);
      monitors.remove(id, m);
    }
  }

  private static final class Monitor {
    private final int pid;
    private boolean gone;

    Monitor(int pid) {
      this.pid = pid;
    }

    synchronized void awaitGone(NativeOps ops) {
      if (!gone) {
        ops.awaitExitAndReap(pid, GONE_TIMEOUT);
        gone = true;
      }
    }
  }

  /** The parent pid from /proc/PID/stat (field 4, after the parenthesised name), or 0. */
  static int parentOf(int pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
      return Integer.parseInt(rest[1]);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
