package dev.jcompose.netmgr.state;

import java.util.Map;

/**
 * One IPAM pool of a network as persisted, every address in canonical text.
 *
 * @param ipRange dynamic allocation range or null for the whole subnet
 * @param gateway the network's gateway in this subnet (the bridge's address)
 * @param auxAddresses reserved addresses by name ({@code aux_addresses}), never handed out
 * @param defaultGateway where containers' default route points, when it is not {@code gateway}
 *     (docker's {@code DefaultGatewayIPv4}/{@code DefaultGatewayIPv6} aux keys), else null
 */
public record PoolRecord(
    String subnet,
    String ipRange,
    String gateway,
    Map<String, String> auxAddresses,
    String defaultGateway) {

  public PoolRecord {
    auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
  }

  public boolean v6() {
    return subnet.contains(":");
  }

  /** The address containers route through. */
  public String routeVia() {
    return defaultGateway != null ? defaultGateway : gateway;
  }

  public int prefixLength() {
    return Integer.parseInt(subnet.substring(subnet.indexOf('/') + 1));
  }
}
