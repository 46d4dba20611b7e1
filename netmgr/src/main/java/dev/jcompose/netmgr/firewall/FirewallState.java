package dev.jcompose.netmgr.firewall;

import java.util.List;

/**
 * Everything the rule set depends on, in a stable order (networks by name, ports by container and
 * host port) so the rendered text is deterministic and can be compared with golden files.
 *
 * @param guardForwarding true when jcompose switched net.ipv4.ip_forward on: forwarding that
 *     involves no jcompose bridge is then dropped, as docker sets FORWARD policy DROP.
 */
public record FirewallState(List<Net> networks, List<Port> ports, boolean guardForwarding) {

  public FirewallState {
    networks = List.copyOf(networks);
    ports = List.copyOf(ports);
  }

  /** One bridge network; every value is checked by {@link RuleValues} (it ends up in rule text). */
  public record Net(String name, String bridge, String subnet, boolean internal) {
    public Net {
      RuleValues.name(name);
      RuleValues.iface(bridge);
      RuleValues.subnet(subnet);
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
