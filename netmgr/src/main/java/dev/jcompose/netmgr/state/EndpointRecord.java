package dev.jcompose.netmgr.state;

import java.util.List;

/**
 * A persisted endpoint: the container side as returned to the caller plus host-side facts.
 *
 * @param hostIf the host end of the veth (bridge networks); null for macvlan/ipvlan, whose link
 *     lives only in the container's namespace and dies with it
 * @param gateway the IPv4 default route's gateway through this endpoint, or null for none
 * @param v6 the IPv6 side on an IPv6 network, else null
 * @param netns the container's network namespace (what tells a restarted engine whether a
 *     macvlan/ipvlan endpoint still exists)
 */
public record EndpointRecord(
    String containerId,
    String networkName,
    String hostIf,
    String ifName,
    String ipv4Address,
    int prefixLength,
    String gateway,
    String macAddress,
    List<String> dnsNames,
    List<String> dnsServers,
    V6 v6,
    String netns) {

  public EndpointRecord {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
  }

  /** An IPv4-only endpoint whose namespace is not recorded. */
  public EndpointRecord(
      String containerId,
      String networkName,
      String hostIf,
      String ifName,
      String ipv4Address,
      int prefixLength,
      String gateway,
      String macAddress,
      List<String> dnsNames,
      List<String> dnsServers) {
    this(
        containerId,
        networkName,
        hostIf,
        ifName,
        ipv4Address,
        prefixLength,
        gateway,
        macAddress,
        dnsNames,
        dnsServers,
        null,
        null);
  }

  /**
   * The IPv6 address of an endpoint, its prefix length and the default route's gateway (or null).
   */
  public record V6(String address, int prefixLength, String gateway) {}

  public String ipv6Address() {
    return v6 == null ? null : v6.address();
  }
}
