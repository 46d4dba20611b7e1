package dev.jcompose.netmgr.firewall;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.ipam.Ipv4;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The only values a rule set may contain, checked when {@link FirewallState} is built: the nft
 * script and the iptables-restore input are text for a parser, so every interpolated value must be
 * one that cannot end a string, a statement or a line. Names (network names in comments, table and
 * interface names) keep to {@code [A-Za-z0-9_.-]}, addresses are re-printed from their parsed form,
 * protocols and ports come from fixed sets and ranges.
 */
final class RuleValues {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

  /** IFNAMSIZ is 16 with the NUL. */
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");

  /**
   * nft identifiers start with a letter; iptables chain names are at most 28 characters with a
   * suffix.
   */
  private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,19}");

  private static final Set<String> PROTOCOLS = Set.of("tcp", "udp", "sctp");
  private static final Set<String> GATEWAY_MODES =
      Set.of("nat", "nat-unprotected", "routed", "isolated");

  /** nft comments hold at most 128 bytes; the longest prefix used is 20. */
  private static final int MAX_NAME = 100;

  private RuleValues() {}

  static String name(String v) {
    return check("network name", v, NAME.matcher(nonNull(v)).matches() && v.length() <= MAX_NAME);
  }

  static String iface(String v) {
    return check("interface name", v, INTERFACE.matcher(nonNull(v)).matches());
  }

  static String table(String v) {
    return check("table name", v, TABLE.matcher(nonNull(v)).matches());
  }

  /**
   * Must already be in canonical form (network address, no host bits), as the allocator writes it.
   */
  static String subnet(String v) {
    return check(
        "subnet",
        v,
        v != null && v.contains("/") && parses(v) && IpPrefix.parse(v).toString().equals(v));
  }

  static String ipv4(String v) {
    return check(
        "IPv4 address", v, Ipv4.isValid(nonNull(v)) && Ipv4.format(Ipv4.parse(v)).equals(v));
  }

  /** An IPv6 address in its canonical text (RFC 5952), as the allocator writes it. */
  static String ipv6(String v) {
    return check(
        "IPv6 address",
        v,
        IpAddress.isValid(nonNull(v))
            && IpAddress.parse(v).v6()
            && IpAddress.parse(v).toString().equals(v));
  }

  static String gatewayMode(String v) {
    return check("gateway mode", v, GATEWAY_MODES.contains(v));
  }

  private static boolean parses(String v) {
    try {
      IpPrefix.parse(v);
      return true;
    } catch (NetworkException e) {
      return false;
    }
  }

  /** "" or an IPv4 address: the host side of a published port. */
  static String hostIp(String v) {
    return v == null || v.isEmpty() ? "" : ipv4(v);
  }

  static String protocol(String v) {
    return check("protocol", v, PROTOCOLS.contains(v));
  }

  static int port(int p) {
    if (p < 1 || p > 65535) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "port " + p + " is out of range 1..65535");
    }
    return p;
  }

  private static String check(String what, String v, boolean ok) {
    if (!ok) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "refusing " + what + " '" + v + "' in a firewall rule");
    }
    return v;
  }

  private static String nonNull(String v) {
    return v == null ? "" : v;
  }
}
