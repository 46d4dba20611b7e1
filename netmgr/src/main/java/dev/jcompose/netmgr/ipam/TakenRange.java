package dev.jcompose.netmgr.ipam;

/**
 * An IPv4 range something else already uses, with a human description of the owner for error
 * messages ("network 'p_default'", "host route 192.0.2.0/24 dev eth0", "nameserver 10.0.0.53").
 */
public record TakenRange(Cidr range, String owner) {}
