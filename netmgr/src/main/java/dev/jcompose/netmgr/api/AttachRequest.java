package dev.jcompose.netmgr.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Connect a container's network namespace to a network.
 *
 * @param ifName interface name inside the namespace (eth0, eth1… in connection order)
 * @param ipv4Address fixed address or null to allocate
 * @param dnsNames names this endpoint answers to on this network (service name, container name,
 *     hostname, aliases, links)
 * @param defaultRoute whether the default route goes through this network
 */
public record AttachRequest(
    String containerId,
    String networkName,
    Path netnsPath,
    String ifName,
    String ipv4Address,
    String macAddress,
    List<String> dnsNames,
    boolean defaultRoute) {}
