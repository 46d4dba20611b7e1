package dev.jcompose.netmgr.firewall;

import java.util.List;

/**
 * Everything the rule set depends on, in a stable order (networks by name, ports by container and
 * host port) so the rendered text is deterministic and can be compared with golden files.
 *
 * @param guardForwarding true when jcompose switched net.ipv4.ip_forward on: IPv4 forwarding that
 *     involves no jcompose bridge is then dropped, as docker sets FORWARD policy DROP
 * @param guardForwarding6 the same for net.ipv6.conf.all.forwarding
 */
public record FirewallState(
    List<Net> networks, List<Port> ports, boolean guardForwarding, boolean guardForwarding6) {

  public FirewallState {
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
  }

  public FirewallState(List<Net> networks, List<Port> ports, boolean guardForwarding) {
    this(networks, ports, guardForwarding, false);
  }

  /**
   * One bridge network; every value is checked by {@link RuleValues} (it ends up in rule text).
   *
   * @param subnet6 the IPv6 subnet, or null on an IPv4-only network
   * @param masquerade outbound traffic is masqueraded ({@code enable_ip_masquerade})
   * @param snat4 source address of outbound IPv4 instead of masquerading ({@code host_ipv4}), or
   *     null
   * @param snat6 the same for IPv6, or null
   * @param mode4 gateway mode of IPv4: nat, nat-unprotected, routed or isolated
   * @param mode6 the same for IPv6
   */
  public record Net(
      String name,
      String bridge,
      String subnet,
      String subnet6,
      boolean internal,
      boolean masquerade,
      String snat4,
      String snat6,
      String mode4,
      String mode6) {
    public Net {
      RuleValues.name(name);
      RuleValues.iface(bridge);
      RuleValues.subnet(subnet);
      subnet6 = subnet6 == null ? null : RuleValues.subnet(subnet6);
      snat4 = snat4 == null ? null : RuleValues.ipv4(snat4);
      snat6 = snat6 == null ? null : RuleValues.ipv6(snat6);
      RuleValues.gatewayMode(mode4);
      RuleValues.gatewayMode(mode6);
    }

    /** An IPv4-only network with docker's default options. */
    public Net(String name, String bridge, String subnet, boolean internal) {
      this(name, bridge, subnet, null, internal, true, null, null, "nat", "nat");
    }
  }

  /**
   * One published port; {@code hostIp} "" means every host address. Loopback host addresses get no
   * DNAT rule: the in-process proxy serves them.
   */
  public record Port(
      String hostIp,
      int hostPort,
      String protocol,
      String containerIp,
      int containerPort,
      String bridge) {
    public Port {
      hostIp = RuleValues.hostIp(hostIp);
      RuleValues.port(hostPort);
      RuleValues.protocol(protocol);
      RuleValues.ipv4(containerIp);
      RuleValues.port(containerPort);
      RuleValues.iface(bridge);
    }
  }
}
