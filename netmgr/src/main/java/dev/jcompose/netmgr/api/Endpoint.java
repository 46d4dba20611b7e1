package dev.jcompose.netmgr.api;

/**
 * A container's connection to a network; {@code dnsServer} is the resolver address to put in
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
    String dnsServer) {}
