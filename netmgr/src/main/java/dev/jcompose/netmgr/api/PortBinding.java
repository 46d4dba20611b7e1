package dev.jcompose.netmgr.api;

/**
 * A published port: host side (hostIp "" = all addresses, hostPort 0 = random) to the container
 * address and port. protocol is "tcp" or "udp".
 */
public record PortBinding(
    String hostIp, int hostPort, String containerIp, int containerPort, String protocol) {}
