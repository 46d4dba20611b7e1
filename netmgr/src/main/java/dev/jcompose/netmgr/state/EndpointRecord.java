package dev.jcompose.netmgr.state;

import java.util.List;

/** A persisted endpoint: the container side as returned to the caller plus host-side facts. */
public record EndpointRecord(
    String containerId,
    String networkName,
    String hostIf,
    String ifName,
    String ipv4Address,
    int prefixLength,
    String gateway,
    String macAddress,
    List<String> dnsNames,
    List<String> dnsServers) {

  public EndpointRecord {
    dnsNames = dnsNames == null ? List.of() : List.copyOf(dnsNames);
    dnsServers = dnsServers == null ? List.of() : List.copyOf(dnsServers);
  }
}
