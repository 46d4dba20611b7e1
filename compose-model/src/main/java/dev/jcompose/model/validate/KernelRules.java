package dev.jcompose.model.validate;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which ulimits and sysctls a container may set. Sysctls follow runc's validator
 * (libcontainer/configs/validate, {@code sysctl}): /proc/sys is only partly namespaced, so a key is
 * accepted only when the namespace it belongs to is the container's own; anything else would be
 * written to the host's kernel with full privileges (kernel.core_pattern names a program the host
 * runs as root on every crash). Shared by the loader and the engine's API; null means acceptable.
 */
public final class KernelRules {
  /** The IPC namespace's sysctls besides fs.mqueue.* (runc's list). */
  private static final Set<String> IPC =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  /** Dotted keys only, as docker documents them; each segment a plain /proc/sys file name. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

  /** docker's ulimit names (go-units ulimitNameMapping), RLIMIT_* without the prefix. */
  private static final Set<String> ULIMITS =
      Set.of(
          "as",
          "core",
          "cpu",
          "data",
          "fsize",
          "locks",
          "memlock",
          "msgqueue",
          "nice",
          "nofile",
          "nproc",
          "rss",
          "rtprio",
          "rttime",
          "sigpending",
          "stack");

  /** Whether a namespace is the container's own, shared with another container, or the host's. */
  public enum Namespace {
    PRIVATE,
    SHARED,
    HOST
  }

  private KernelRules() {}

  /**
   * The namespaces a service shares with the host or other containers.
   *
   * @param net the container's network namespace ({@code network_mode})
   * @param ipc the container's IPC namespace ({@code ipc})
   */
  public static String sysctl(String key, String value, Namespace net, Namespace ipc) {
    if (!KEY.matcher(key).matches()) {
      return "invalid sysctl "
          + Quoted.of(key)
          + ": a dotted name such as net.core.somaxconn expected";
    }
    if (value == null || value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c))) {
      return "invalid value for sysctl " + key + ": must be one line without control characters";
    }
    if (IPC.contains(key) || key.startsWith("fs.mqueue.")) {
      return own(key, ipc, "IPC", "ipc");
    }
    if (key.startsWith("net.")) {
      return own(key, net, "network", "network_mode");
    }
    if (key.equals("kernel.domainname")) {
      return null; // the container always has its own UTS namespace
    }
    if (key.equals("kernel.hostname")) {
      return "sysctl kernel.hostname is not allowed: it conflicts with the hostname attribute";
    }
    return "sysctl "
        + key
        + " is not allowed: it is not in a namespace of the container and would change the host";
  }

  private static String own(String key, Namespace ns, String kind, String attribute) {
    return switch (ns) {
      case PRIVATE -> null;
      case HOST ->
          "sysctl "
              + key
              + " is not allowed in the host's "
              + kind
              + " namespace ("
              + attribute
              + ": host)";
      case SHARED ->
          "sysctl "
              + key
              + " is not allowed in a "
              + kind
              + " namespace shared with another container";
    };
  }

  /**
   * The namespace {@code network_mode} or {@code ipc} gives: host, another container's, or its own.
   */
  public static Namespace namespaceOf(String mode) {
    if ("host".equals(mode)) {
      return Namespace.HOST;
    }
    return mode != null && (mode.startsWith("service:") || mode.startsWith("container:"))
        ? Namespace.SHARED
        : Namespace.PRIVATE;
  }

  /** An rlimit by docker's name, soft at most hard (-1 = unlimited). */
  public static String ulimit(String name, long soft, long hard) {
    if (!ULIMITS.contains(name)) {
      return "unknown ulimit "
          + Quoted.of(name)
          + ": expected one of "
          + String.join(", ", ULIMITS.stream().sorted().toList());
    }
    if (soft < -1 || hard < -1) {
      return "invalid ulimit " + name + ": values must be -1 (unlimited) or more";
    }
    boolean softOverHard = hard != -1 && (soft == -1 || soft > hard);
    return softOverHard
        ? "invalid ulimit " + name + ": soft limit " + soft + " is above the hard limit " + hard
        : null;
  }
}
