package dev.jcompose.netmgr.api;

/**
 * A container's connection to a network. IPv6 fields are null on an IPv4-only network; {@code
 * gateway}/{@code gateway6} are null where the endpoint has no default route through this network's
 * gateway (an internal or isolated network); {@code dnsServer} is the resolver address to put in
 * resolv.conf.
 */
public record Endpoint(
    String containerId,
    String networkName,
    String ifName,
    String ipv4Address,
    int prefixLength,
    String gateway,
    String macAddress,
    String dnsServer,
    String ipv6Address,
    int prefixLength6,
    String gateway6) {}
