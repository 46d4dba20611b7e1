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
   * Every capability this engine holds: what "ALL" and {@code privileged} mean. As moby's
   * caps.GetAllCapabilities, only those in our own bounding set count: a capability we lack (a host
   * that runs us without CAP_SYS_RESOURCE) cannot be given, and asking for it fails the start.
   */
  static long all() {
    return ((1L << NAMES.size()) - 1) & HostBounding.MASK;
  }

  /** The engine's capability bounding set ({@code CapBnd} of /proc/self/status), read once. */
  private static final class HostBounding {
    static final long MASK = read();

    private static long read() {
      try {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
            .filter(l -> l.startsWith("CapBnd:"))
            .findFirst()
            .map(l -> Long.parseUnsignedLong(l.substring(7).trim(), 16))
            .orElse(-1L);
      } catch (IOException e) {
        return -1L; // no procfs: assume everything, the kernel still has the last word
      }
    }
  }
}
