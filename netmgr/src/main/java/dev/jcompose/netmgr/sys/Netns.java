package dev.jcompose.netmgr.sys;

import dev.jcompose.netmgr.api.NetworkException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Runs a little code inside another network namespace: a socket belongs to the netns of the thread
 * that creates it (setns(2) with CLONE_NEWNET is per thread and allowed in a multi-threaded
 * process), so a short-lived thread switches there, runs the action, and switches back. No
 * long-lived thread of the engine ever leaves the host's namespace.
 */
public final class Netns {
  private static final int CLONE_NEWNET = 0x40000000;
  private static final int O_RDONLY_CLOEXEC = 0x80000;
  private static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");

  /** The libc calls used; jnr-ffi binds them at load. */
  public interface LibC {
    int setns(int fd, int nstype);

    int open(String path, int flags);

    int close(int fd);

    String strerror(int errnum);
  }

  private Netns() {}

  /** Runs {@code action} on a thread inside the netns at {@code path}; its exceptions propagate. */
  public static <T> T inside(Path path, Callable<T> action) {
    Object[] result = {null};
    Exception[] error = {null};
    Thread t =
        new Thread(
            () -> {
              try {
                result[0] = enterAndRun(path, action);
              } catch (Exception e) {
                error[0] = e;
              }
            },
            "netmgr-netns");
    t.start();
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE, "interrupted entering " + path, e);
    }
    if (error[0] instanceof RuntimeException re) {
      throw re;
    }
    if (error[0] != null) {
      throw new NetworkException(
          NetworkException.Kind.INTERNAL,
          "in netns " + path + ": " + error[0].getMessage(),
          error[0]);
    }
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  private static <T> T enterAndRun(Path path, Callable<T> action) throws Exception {
    int home = check(LIBC.open("/proc/thread-self/ns/net", O_RDONLY_CLOEXEC), "open own netns");
    int target = LIBC.open(path.toString(), O_RDONLY_CLOEXEC);
    try {
      check(target, "open netns " + path);
      check(LIBC.setns(target, CLONE_NEWNET), "setns " + path);
      try {
        return action.call();
      } finally {
        // This thread ends right after; switching back still matters if the JVM reuses it.
        LIBC.setns(home, CLONE_NEWNET);
      }
    } finally {
      LIBC.close(home);
      if (target >= 0) {
        LIBC.close(target);
      }
    }
  }

  private static int check(int rc, String what) {
    if (rc < 0) {
      int errno = LastError.getLastError(Runtime.getRuntime(LIBC));
      throw new NetworkException(
          NetworkException.Kind.INTERNAL,
          what + " failed: errno " + errno + " (" + LIBC.strerror(errno) + ")");
    }
    return rc;
  }
}
