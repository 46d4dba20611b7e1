package dev.jcompose.netmgr.state;

/**
 * A network's driver options as applied, parsed once from docker's option names when the network is
 * created and persisted with it.
 *
 * @param icc containers of the network reach each other ({@code
 *     com.docker.network.bridge.enable_icc})
 * @param masquerade outbound traffic is masqueraded ({@code …bridge.enable_ip_masquerade})
 * @param hostBindingIpv4 host address of published ports that name none ({@code
 *     …bridge.host_binding_ipv4}), or null
 * @param inhibitIpv4 the bridge gets no IPv4 address ({@code …bridge.inhibit_ipv4})
 * @param ifacePrefix names of the containers' interfaces ({@code
 *     com.docker.network.container_iface_prefix})
 * @param gatewayMode4 {@code nat}, {@code nat-unprotected}, {@code routed} or {@code isolated}
 *     ({@code …bridge.gateway_mode_ipv4})
 * @param gatewayMode6 the same for IPv6
 * @param hostIpv4 source address of outbound IPv4 instead of masquerading ({@code
 *     com.docker.network.host_ipv4}), or null
 * @param hostIpv6 the same for IPv6 ({@code com.docker.network.host_ipv6}), or null
 * @param parent macvlan/ipvlan: the host interface the network's links hang off, as given ({@code
 *     parent}), or null
 * @param vlanMode macvlan: bridge, private, vepa, passthru; ipvlan: l2, l3, l3s
 * @param ipvlanFlag ipvlan: bridge, private, vepa
 */
public record DriverOptions(
    boolean icc,
    boolean masquerade,
    String hostBindingIpv4,
    boolean inhibitIpv4,
    String ifacePrefix,
    String gatewayMode4,
    String gatewayMode6,
    String hostIpv4,
    String hostIpv6,
    String parent,
    String vlanMode,
    String ipvlanFlag) {

  public static final DriverOptions DEFAULTS =
      new DriverOptions(true, true, null, false, "eth", "nat", "nat", null, null, null, null, null);

  /** Whether the mode of {@code v6} is the given one. */
  public boolean gatewayMode(boolean v6, String mode) {
    return mode.equals(v6 ? gatewayMode6 : gatewayMode4);
  }
}
