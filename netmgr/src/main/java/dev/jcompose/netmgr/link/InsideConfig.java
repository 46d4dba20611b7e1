package dev.jcompose.netmgr.link;

import java.nio.file.Path;
import java.util.List;

/**
 * What the container's end of a link gets inside its namespace.
 *
 * @param mac MAC address or null for a kernel-chosen one (ipvlan links share their parent's)
 * @param mtu 0 for the kernel's default (a macvlan/ipvlan link takes its parent's)
 * @param addressCidr IPv4 address with the subnet's prefix, e.g. 172.29.0.2/24
 * @param address6Cidr IPv6 address with its prefix, or null; added without duplicate address
 *     detection (as docker adds it) so the container can use it at once
 * @param gateway IPv4 default route's gateway, or null for no route through this gateway
 * @param gateway6 IPv6 default route's gateway, or null
 * @param deviceRoute default routes straight out of the link, without a gateway (ipvlan l3/l3s,
 *     where the parent routes)
 * @param linkLocalCidrs further addresses with their prefix ({@code link_local_ips}: /16 for IPv4,
 *     /64 for IPv6, the masks moby gives them)
 */
public record InsideConfig(
    Path netnsPath,
    String ifName,
    String mac,
    int mtu,
    String addressCidr,
    String address6Cidr,
    String gateway,
    String gateway6,
    boolean deviceRoute,
    List<String> linkLocalCidrs) {

  public InsideConfig {
    linkLocalCidrs = linkLocalCidrs == null ? List.of() : List.copyOf(linkLocalCidrs);
  }

  /** Without link-local addresses. */
  public InsideConfig(
      Path netnsPath,
      String ifName,
      String mac,
      int mtu,
      String addressCidr,
      String address6Cidr,
      String gateway,
      String gateway6,
      boolean deviceRoute) {
    this(
        netnsPath,
        ifName,
        mac,
        mtu,
        addressCidr,
        address6Cidr,
        gateway,
        gateway6,
        deviceRoute,
        List.of());
  }
}
