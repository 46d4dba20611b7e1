package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.CapabilityNames;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Capability names (as in linux/capability.h, without "CAP_") and the bit mask jcshim applies. */
final class CapabilityMasks {
  /** Index = capability number. */
  private static final List<String> NAMES = CapabilityNames.ALL;

  static final List<String> DOCKER_DEFAULT = CapabilityNames.DOCKER_DEFAULT;

  private CapabilityMasks() {}

  static long mask(Collection<String> names) {
    long mask = 0;
    for (String name : names) {
      String n = name.toUpperCase(Locale.ROOT);
      n = n.startsWith("CAP_") ? n.substring(4) : n;
      if (n.equals("ALL")) {
        return all();
      }
      int bit = NAMES.indexOf(n);
      if (bit < 0) {
        throw new ContainerException(Kind.INVALID, "unknown capability '" + name + "'");
      }
      mask |= 1L << bit;
    }
    return mask;
  }

  /**
   * Every capability this process may hand on: the known ones within its own bounding set. A
   * privileged container or exec gets all of them; one the engine lacks (a host that withholds,
   * say, CAP_SYS_RESOURCE) cannot be granted, and asking the kernel for it fails the capset.
   */
  static long all() {
    return ((1L << NAMES.size()) - 1) & Bounding.MASK;
  }

  /** The bounding set of this process (/proc/self/status CapBnd), read once. */
  private static final class Bounding {
    static final long MASK = read();

    private static long read() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("CapBnd:")) {
            return Long.parseUnsignedLong(line.substring(7).trim(), 16);
          }
        }
      } catch (IOException | NumberFormatException e) {
        // not Linux, or no procfs: assume nothing is withheld
      }
      return -1L;
    }
  }
}
