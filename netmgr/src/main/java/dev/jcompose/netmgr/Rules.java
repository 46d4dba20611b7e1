package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.firewall.Firewall;
import dev.jcompose.netmgr.firewall.FirewallState;
import dev.jcompose.netmgr.state.DriverOptions;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.PoolRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Derives the firewall's input from the state (pure) and applies it; no networks = no table. */
final class Rules {
  private Rules() {}

  static void apply(Firewall firewall, NetState state) {
    if (state.networks().isEmpty()) {
      firewall.clear();
    } else {
      firewall.apply(of(state));
    }
  }

  static FirewallState of(NetState state) {
    // macvlan and ipvlan networks get no rules: their traffic never passes the host's forwarding
    // path
    List<FirewallState.Net> nets =
        state.networks().values().stream().filter(NetworkRecord::isBridge).map(Rules::net).toList();
    List<FirewallState.Port> ports = new ArrayList<>();
    for (Map.Entry<String, List<PortBinding>> e : state.ports().entrySet()) {
      for (PortBinding b : e.getValue()) {
        bridge(state, e.getKey(), b.containerIp())
            .ifPresent(
                br ->
                    ports.add(
                        new FirewallState.Port(
                            b.hostIp() == null ? "" : b.hostIp(),
                            b.hostPort(),
                            b.protocol(),
                            b.containerIp(),
                            b.containerPort(),
                            br)));
      }
    }
    return new FirewallState(nets, ports, state.forwardingEnabled(), state.forwardingEnabled6());
  }

  private static FirewallState.Net net(NetworkRecord n) {
    DriverOptions o = n.options();
    return new FirewallState.Net(
        n.name(),
        n.bridge(),
        n.subnet(),
        n.pool6().map(PoolRecord::subnet).orElse(null),
        n.internal(),
        o.masquerade(),
        o.hostIpv4(),
        o.hostIpv6(),
        o.gatewayMode4(),
        o.gatewayMode6());
  }

  private static Optional<String> bridge(NetState state, String containerId, String ip) {
    return state.endpoints().stream()
        .filter(e -> e.containerId().equals(containerId) && e.ipv4Address().equals(ip))
        .map(EndpointRecord::networkName)
        .map(state.networks()::get)
        .filter(NetworkRecord::isBridge)
        .map(NetworkRecord::bridge)
        .findFirst();
  }
}
