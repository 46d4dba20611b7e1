package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.CapabilityNames;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
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

  static long all() {
    return (1L << NAMES.size()) - 1;
  }
}
