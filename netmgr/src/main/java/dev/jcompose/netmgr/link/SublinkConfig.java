package dev.jcompose.netmgr.link;

/**
 * A macvlan or ipvlan link on host interface {@code parent}, created directly in the container's
 * namespace and configured as {@code inside} says; it has no host end and dies with the namespace.
 *
 * @param kind {@code macvlan} or {@code ipvlan}
 * @param mode macvlan: bridge, private, vepa or passthru; ipvlan: l2, l3 or l3s
 * @param flag ipvlan: bridge, private or vepa; null for macvlan
 */
public record SublinkConfig(
    String kind, String parent, String mode, String flag, InsideConfig inside) {}
