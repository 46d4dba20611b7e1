package dev.jcompose.netmgr.link;

import java.nio.file.Path;

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
    boolean deviceRoute) {}
