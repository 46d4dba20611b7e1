package dev.jcompose.scheduler.convert;

import dev.jcompose.scheduler.api.ComposeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** "major:minor" of a host block device, for blkio throttles (dockerd getBlkioThrottleDevices). */
final class BlockDevices {
  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;

  private BlockDevices() {}

  static String majorMinor(String path) {
    try {
      Path p = Path.of(path);
      int mode = (Integer) Files.getAttribute(p, "unix:mode");
      if ((mode & S_IFMT) != S_IFBLK) {
        throw invalid(path + " is not a block device");
      }
      long rdev = (Long) Files.getAttribute(p, "unix:rdev");
      return major(rdev) + ":" + minor(rdev);
    } catch (IOException e) {
      throw invalid("cannot use " + path + " for blkio_config: " + e.getMessage());
    }
  }

  /** glibc's gnu_dev_major/minor encoding of dev_t. */
  static long major(long dev) {
    return ((dev >>> 8) & 0xfff) | ((dev >>> 32) & ~0xfffL);
  }

  static long minor(long dev) {
    return (dev & 0xff) | ((dev >>> 12) & ~0xffL);
  }

  private static ComposeException invalid(String message) {
    return new ComposeException(ComposeException.Kind.INVALID, message);
  }
}
