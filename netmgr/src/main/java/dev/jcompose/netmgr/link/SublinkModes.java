package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.api.NetworkException;

/** The kernel's numbers for macvlan and ipvlan modes (include/uapi/linux/if_link.h). */
final class SublinkModes {
  private SublinkModes() {}

  /** MACVLAN_MODE_*: a bit each. */
  static int macvlan(String mode) {
    return switch (mode) {
      case "private" -> 1;
      case "vepa" -> 2;
      case "bridge" -> 4;
      case "passthru" -> 8;
      default ->
          throw new NetworkException(NetworkException.Kind.INVALID, "unknown macvlan mode " + mode);
    };
  }

  /** IPVLAN_MODE_*. */
  static int ipvlanMode(String mode) {
    return switch (mode) {
      case "l2" -> 0;
      case "l3" -> 1;
      case "l3s" -> 2;
      default ->
          throw new NetworkException(NetworkException.Kind.INVALID, "unknown ipvlan mode " + mode);
    };
  }

  /** IPVLAN_F_* (bridge is no flag). */
  static int ipvlanFlag(String flag) {
    return switch (flag == null ? "bridge" : flag) {
      case "bridge" -> 0;
      case "private" -> 1;
      case "vepa" -> 2;
      default ->
          throw new NetworkException(NetworkException.Kind.INVALID, "unknown ipvlan flag " + flag);
    };
  }

  /** What a refused create means for the user: a kernel without the driver, or a parent in use. */
  static NetworkException explain(String kind, NetworkException e) {
    if (e instanceof NetlinkError n && n.errno() == NetlinkError.EOPNOTSUPP) {
      return new NetworkException(
          NetworkException.Kind.UNAVAILABLE,
          "this kernel has no "
              + kind
              + " support (CONFIG_"
              + kind.toUpperCase(java.util.Locale.ROOT)
              + "): "
              + e.getMessage(),
          e);
    }
    if (e instanceof NetlinkError n && n.errno() == NetlinkError.EBUSY) {
      return new NetworkException(
          NetworkException.Kind.CONFLICT,
          "the parent interface is in use by another "
              + kind
              + " mode (passthru takes it whole): "
              + e.getMessage(),
          e);
    }
    return e;
  }
}
