package dev.jcompose.netmgr.api;

import java.nio.file.Path;
import java.util.List;

/**
 * Connect a container's network namespace to a network.
 *
 * @param ifName interface name inside the namespace ({@code interface_name}), or null for the
 *     network's prefix ({@code eth}, or {@code com.docker.network.container_iface_prefix}) and the
 *     lowest number not yet used in the container, as docker names them
 * @param ipv4Address fixed address or null to allocate
 * @param ipv6Address fixed address or null to allocate (on an IPv6 network)
 * @param macAddress fixed MAC or null for one derived from the address
 * @param dnsNames names this endpoint answers to on this network (service name, container name,
 *     hostname, aliases, links)
 * @param defaultRoute whether the default route goes through this network (ignored for internal
 *     networks, which never get a route out)
 * @param dnsServers upstream resolvers ("ip" or "ip:port") the embedded DNS forwards this
 *     endpoint's non-local queries to (compose {@code dns:}); empty = the host's resolv.conf
 * @param linkLocalIps further addresses of the interface ({@code link_local_ips}), outside the
 *     network's IPAM as in docker
 */
public record AttachRequest(
    String containerId,
    String networkName,
    Path netnsPath,
    String ifName,
    String ipv4Address,
    String ipv6Address,
    String macAddress,
    List<String> dnsNames,
    boolean defaultRoute,
    List<String> dnsServers,
    List<String> linkLocalIps) {

  public AttachRequest {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
    linkLocalIps = linkLocalIps == null ? List.of() : List.copyOf(linkLocalIps);
  }

  /** An attach without link-local addresses. */
  public AttachRequest(
      String containerId,
      String networkName,
      Path netnsPath,
      String ifName,
      String ipv4Address,
      String ipv6Address,
      String macAddress,
      List<String> dnsNames,
      boolean defaultRoute,
      List<String> dnsServers) {
    this(
        containerId,
        networkName,
        netnsPath,
        ifName,
        ipv4Address,
        ipv6Address,
        macAddress,
        dnsNames,
        defaultRoute,
        dnsServers,
        List.of());
  }

  /** An IPv4 attach without per-endpoint upstream resolvers (the host's are used). */
  public AttachRequest(
      String containerId,
      String networkName,
      Path netnsPath,
      String ifName,
      String ipv4Address,
      String macAddress,
      List<String> dnsNames,
      boolean defaultRoute) {
    this(
        containerId,
        networkName,
        netnsPath,
        ifName,
        ipv4Address,
        null,
        macAddress,
        dnsNames,
        defaultRoute,
        List.of(),
        List.of());
  }
}
