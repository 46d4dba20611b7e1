package dev.jcompose.scheduler.convert;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's capability arithmetic: the default 14 capabilities, plus {@code cap_add}, minus
 * {@code cap_drop}, with {@code ALL} on either side and names with or without {@code CAP_}
 * (moby oci/caps TweakCapabilities). Results are names without the prefix, sorted.
 */
public final class Capabilities {

  /** moby's oci.DefaultCapabilities(), in docker's order. */
  public static final List<String> DEFAULTS =
      List.of(
          "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID",
          "SETFCAP", "SETPCAP", "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE");

  /** Every capability Linux 5.x/6.x knows, numbered 0..40. */
  public static final List<String> ALL =
      List.of(
          "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
          "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW",
          "IPC_LOCK", "IPC_OWNER", "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT",
          "SYS_ADMIN", "SYS_BOOT", "SYS_NICE", "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD",
          "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP", "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG",
          "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF", "CHECKPOINT_RESTORE");

  private Capabilities() {}

  /** The effective set for a container. */
  public static List<String> compute(List<String> add, List<String> drop, boolean privileged) {
    if (privileged) {
      return sorted(ALL);
    }
    List<String> adds = normalise(add);
    List<String> drops = normalise(drop);
    Set<String> result = new LinkedHashSet<>();
    if (adds.contains("ALL")) {
      // Docker: "ALL" in cap_add grants every capability except the explicitly dropped ones.
      ALL.stream().filter(c -> !drops.contains(c)).forEach(result::add);
    } else if (drops.contains("ALL")) {
      // Docker: "ALL" in cap_drop starts from nothing; only cap_add comes back.
      result.addAll(adds);
    } else {
      DEFAULTS.stream().filter(c -> !drops.contains(c)).forEach(result::add);
      result.addAll(adds);
    }
    return sorted(result);
  }

  static List<String> normalise(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names == null ? List.<String>of() : names) {
      String up = n.trim().toUpperCase(Locale.ROOT);
      out.add(up.startsWith("CAP_") ? up.substring(4) : up);
    }
    return out;
  }

  private static List<String> sorted(java.util.Collection<String> caps) {
    return caps.stream().sorted().toList();
  }
}
