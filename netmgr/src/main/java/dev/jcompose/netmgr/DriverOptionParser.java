package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.state.DriverOptions;
import java.util.Map;
import java.util.Set;

/**
 * Reads a network's driver options the way docker's drivers read theirs (moby {@code
 * libnetwork/drivers/bridge.fromLabels}, {@code macvlan}/{@code ipvlan parseNetworkOptions}):
 * values are checked with Go's {@code strconv.ParseBool} spellings and refused with docker's
 * message when they do not parse; options a driver does not know are ignored, as docker ignores
 * them (the compose loader warns about them). Pure.
 */
final class DriverOptionParser {
  static final String MTU = "com.docker.network.driver.mtu";
  static final String BRIDGE_NAME = "com.docker.network.bridge.name";
  static final String ICC = "com.docker.network.bridge.enable_icc";
  static final String MASQUERADE = "com.docker.network.bridge.enable_ip_masquerade";
  static final String HOST_BINDING = "com.docker.network.bridge.host_binding_ipv4";
  static final String INHIBIT_IPV4 = "com.docker.network.bridge.inhibit_ipv4";
  static final String GATEWAY_MODE4 = "com.docker.network.bridge.gateway_mode_ipv4";
  static final String GATEWAY_MODE6 = "com.docker.network.bridge.gateway_mode_ipv6";
  static final String IFACE_PREFIX = "com.docker.network.container_iface_prefix";
  static final String HOST_IPV4 = "com.docker.network.host_ipv4";
  static final String HOST_IPV6 = "com.docker.network.host_ipv6";
  static final String ENABLE_IPV6 = "com.docker.network.enable_ipv6";
  private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");
  private static final Set<String> FALSE = Set.of("0", "f", "F", "FALSE", "false", "False");
  private static final Set<String> GATEWAY_MODES =
      Set.of("nat", "nat-unprotected", "routed", "isolated");
  private static final Set<String> MACVLAN_MODES = Set.of("bridge", "private", "vepa", "passthru");
  private static final Set<String> IPVLAN_MODES = Set.of("l2", "l3", "l3s");
  private static final Set<String> IPVLAN_FLAGS = Set.of("bridge", "private", "vepa");

  private DriverOptionParser() {}

  static DriverOptions parse(NetworkSpec spec) {
    Map<String, String> o = spec.driverOpts();
    DriverOptions d = DriverOptions.DEFAULTS;
    String mode4 =
        choice(o, GATEWAY_MODE4, GATEWAY_MODES, d.gatewayMode4(), "unknown gateway mode %s");
    String mode6 =
        choice(o, GATEWAY_MODE6, GATEWAY_MODES, d.gatewayMode6(), "unknown gateway mode %s");
    if ((mode4.equals("isolated") || mode6.equals("isolated")) && !spec.internal()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "network '"
              + spec.name()
              + "': gateway mode 'isolated' can only be used for an internal network");
    }
    String prefix = o.getOrDefault(IFACE_PREFIX, d.ifacePrefix());
    if (!prefix.matches("[A-Za-z][A-Za-z0-9_-]{0,9}")) {
      throw invalid(
          IFACE_PREFIX,
          prefix,
          "a prefix of letters, digits, '-' or '_' that leaves room for a number (at most 10 characters)");
    }
    return new DriverOptions(
        bool(o, ICC, d.icc()),
        bool(o, MASQUERADE, d.masquerade()),
        ip(o, HOST_BINDING, false),
        bool(o, INHIBIT_IPV4, false),
        prefix,
        mode4,
        mode6,
        ip(o, HOST_IPV4, false),
        ip(o, HOST_IPV6, true),
        parent(spec),
        vlanMode(spec),
        ipvlanFlag(spec));
  }

  /** The MTU option, or {@code fallback} when absent. */
  static int mtu(NetworkSpec spec, int fallback) {
    String v = spec.driverOpts().get(MTU);
    if (v == null) {
      return fallback;
    }
    try {
      int mtu = Integer.parseInt(v.strip());
      if (mtu < 0) {
        throw invalid(MTU, v, "invalid MTU number: " + mtu);
      }
      return mtu == 0 ? fallback : mtu;
    } catch (NumberFormatException e) {
      throw invalid(MTU, v, "not a number");
    }
  }

  /**
   * {@code com.docker.network.enable_ipv6}, the option {@code docker network create --ipv6} sets.
   */
  static boolean enableIpv6(NetworkSpec spec) {
    return spec.enableIpv6() || bool(spec.driverOpts(), ENABLE_IPV6, false);
  }

  private static String parent(NetworkSpec spec) {
    String parent =
        spec.driver() == NetworkSpec.Driver.BRIDGE ? null : spec.driverOpts().get("parent");
    if ("lo".equals(parent)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "network '"
              + spec.name()
              + "': loopback interface is not a valid "
              + spec.driver().id()
              + " parent link");
    }
    if (parent != null && !parent.isEmpty() && !parent.matches("[A-Za-z0-9_.@-]{1,15}")) {
      throw invalid("parent", parent, "not an interface name");
    }
    return parent == null || parent.isEmpty() ? null : parent;
  }

  private static String vlanMode(NetworkSpec spec) {
    return switch (spec.driver()) {
      case MACVLAN ->
          choice(
              spec.driverOpts(),
              "macvlan_mode",
              MACVLAN_MODES,
              "bridge",
              "requested macvlan mode '%s' is not valid, 'bridge' mode is the macvlan driver default");
      case IPVLAN ->
          choice(
              spec.driverOpts(),
              "ipvlan_mode",
              IPVLAN_MODES,
              "l2",
              "requested ipvlan mode '%s' is not valid, 'l2' mode is the ipvlan driver default");
      case BRIDGE -> null;
    };
  }

  private static String ipvlanFlag(NetworkSpec spec) {
    return spec.driver() != NetworkSpec.Driver.IPVLAN
        ? null
        : choice(
            spec.driverOpts(),
            "ipvlan_flag",
            IPVLAN_FLAGS,
            "bridge",
            "requested ipvlan flag '%s' is not valid, 'bridge' is the ipvlan driver default");
  }

  private static boolean bool(Map<String, String> o, String key, boolean fallback) {
    String v = o.get(key);
    if (v == null) {
      return fallback;
    }
    if (TRUE.contains(v)) {
      return true;
    }
    if (FALSE.contains(v)) {
      return false;
    }
    throw invalid(key, v, "strconv.ParseBool: parsing \"" + v + "\": invalid syntax");
  }

  private static String ip(Map<String, String> o, String key, boolean v6) {
    String v = o.get(key);
    if (v == null) {
      return null;
    }
    if (!IpAddress.isValid(v) || IpAddress.parse(v).v6() != v6) {
      throw invalid(key, v, "not an IPv" + (v6 ? "6" : "4") + " address");
    }
    return IpAddress.parse(v).toString();
  }

  private static String choice(
      Map<String, String> o, String key, Set<String> allowed, String fallback, String error) {
    String v = o.get(key);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    if (!allowed.contains(v)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "failed to parse " + key + " value: " + v + " (" + String.format(error, v) + ")");
    }
    return v;
  }

  /** docker's parseErr: "failed to parse <label> value: <value> (<why>)". */
  private static NetworkException invalid(String key, String value, String why) {
    return new NetworkException(
        NetworkException.Kind.INVALID,
        "failed to parse " + key + " value: " + value + " (" + why + ")");
  }
}
