package dev.jcompose.runtime.volume;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Device nodes and fifos: Java has no mknod(2), so coreutils' mknod(1) makes them (rare in
 * volumes; needs CAP_MKNOD for devices, as docker's copy-up does).
 */
final class SpecialFiles {
  private static final int S_IFMT = 0170000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;

  private SpecialFiles() {}

  /** Creates the node; false for types we cannot make (sockets). */
  static boolean create(Path target, int mode, long rdev) throws IOException {
    int type = mode & S_IFMT;
    List<String> command;
    if (type == S_IFIFO) {
      command = List.of("mknod", target.toString(), "p");
    } else if (type == S_IFCHR || type == S_IFBLK) {
      command = List.of("mknod", target.toString(), type == S_IFCHR ? "c" : "b", Long.toString(major(rdev)), Long.toString(minor(rdev)));
    } else {
      return false;
    }
    run(command);
    return true;
  }

  /** glibc's gnu_dev_major/minor encoding of dev_t. */
  static long major(long dev) {
    return ((dev >>> 8) & 0xfffL) | ((dev >>> 32) & 0xfffff000L);
  }

  static long minor(long dev) {
    return (dev & 0xffL) | ((dev >>> 12) & 0xffffff00L);
  }

  private static void run(List<String> command) throws IOException {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
