package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** Capability names (as in linux/capability.h, without "CAP_") and the bit mask jcshim applies. */
final class Capabilities {
  /** Index = capability number. */
  private static final List<String> NAMES = List.of(
      "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
      "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
      "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
      "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
      "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
      "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

  /** Docker's default set (moby daemon/pkg/oci/caps/defaults.go). */
  static final List<String> DOCKER_DEFAULT = List.of(
      "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP",
      "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

  private Capabilities() {}

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
