package dev.jcompose.netmgr.link;

/**
 * A bridge to create. {@code mac} is fixed (derived from the name) because a bridge otherwise
 * adopts the lowest MAC of its ports and neighbours' ARP caches go stale when that port leaves
 * (netavark resets it for the same reason).
 *
 * @param gatewayCidr IPv4 gateway address with the subnet's prefix, e.g. 172.29.0.1/24; null for a
 *     bridge without an IPv4 address (inhibit_ipv4, an isolated network, a stand-in parent)
 * @param gateway6Cidr IPv6 gateway address with its prefix, or null
 * @param alias ifalias marking the link as this engine's, for crash cleanup
 * @param internal no forwarding out of this bridge
 */
public record BridgeConfig(
    String name,
    String mac,
    int mtu,
    String gatewayCidr,
    String gateway6Cidr,
    String alias,
    boolean internal) {}
