package dev.jcompose.netmgr.api;

import java.util.Map;

/**
 * A network as it exists: its driver, bridge (null for macvlan and ipvlan), IPv4 subnet and
 * gateway, and the IPv6 ones (null on an IPv4-only network).
 */
public record NetworkInfo(
    String name,
    String driver,
    String bridge,
    String subnet,
    String gateway,
    String subnet6,
    String gateway6,
    boolean internal,
    Map<String, String> labels) {}
