package dev.jcompose.netmgr.link;

/**
 * A bridge endpoint: host end {@code hostName} enslaved to {@code bridge}, peer created directly in
 * the container's namespace and configured as {@code inside} says.
 *
 * @param isolated the host end is an isolated bridge port: it talks to the bridge (the host) and to
 *     non-isolated ports only, which is how {@code enable_icc: false} keeps the containers of one
 *     network apart (the kernel's bridge port isolation, 4.18+)
 */
public record VethConfig(
    String hostName, String bridge, String alias, boolean isolated, InsideConfig inside) {}
