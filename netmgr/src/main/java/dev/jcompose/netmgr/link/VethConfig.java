package dev.jcompose.netmgr.link;

import java.nio.file.Path;

/**
 * A container endpoint: host end {@code hostName} enslaved to {@code bridge}, peer created directly
 * in {@code netnsPath} as {@code ifName} with {@code addressCidr}.
 *
 * @param mac container-side MAC or null for a kernel-chosen one
 * @param defaultGateway gateway for the default route, or null for no default route
 */
public record VethConfig(
    String hostName,
    String bridge,
    Path netnsPath,
    String ifName,
    String mac,
    int mtu,
    String addressCidr,
    String defaultGateway,
    String alias) {}
