package dev.jcompose.netmgr;

import dev.jcompose.netmgr.dns.DnsFrontend;
import dev.jcompose.netmgr.link.BridgeConfig;
import dev.jcompose.netmgr.link.LinkInfo;
import dev.jcompose.netmgr.link.LinkOps;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code start()} does after a restart or crash: delete this engine's links that the state
 * does not know, re-create bridges that vanished (reboot), forget endpoints whose veth is gone
 * (their netns died, so their addresses are free again), re-open DNS listeners and port proxies.
 * The caller then rewrites state and rule set in one go.
 */
final class Recovery {
  private final LinkNames names;
  private final LinkOps links;
  private final DnsFrontend dns;
  private final PortPublisher ports;

  Recovery(LinkNames names, LinkOps links, DnsFrontend dns, PortPublisher ports) {
    this.names = names;
    this.links = links;
    this.dns = dns;
    this.ports = ports;
  }

  static BridgeConfig bridgeConfig(LinkNames names, NetworkRecord n) {
    String prefix = n.subnet().substring(n.subnet().indexOf('/'));
    return new BridgeConfig(
        n.bridge(),
        LinkNames.bridgeMac(n.bridge()),
        n.mtu(),
        n.gateway() + prefix,
        names.bridgeAlias(n.name()),
        n.internal());
  }

  void run(NetState state) {
    List<LinkInfo> found = links.listLinks(names.aliasPrefix());
    Set<String> expected = new HashSet<>();
    state.networks().values().forEach(n -> expected.add(n.bridge()));
    state.endpoints().forEach(e -> expected.add(e.hostIf()));
    found.stream()
        .map(LinkInfo::name)
        .filter(l -> !expected.contains(l))
        .forEach(links::deleteLink);
    Set<String> present = found.stream().map(LinkInfo::name).collect(Collectors.toSet());
    for (EndpointRecord e : state.endpoints()) {
      if (!present.contains(e.hostIf())) {
        state.removeEndpoint(e.containerId(), e.networkName());
      }
    }
    Set<String> attached =
        state.endpoints().stream().map(EndpointRecord::containerId).collect(Collectors.toSet());
    state.ports().keySet().removeIf(c -> !attached.contains(c));
    state.networks().values().forEach(n -> links.ensureBridge(bridgeConfig(names, n)));
    restoreForwarding(state);
    for (NetworkRecord n : state.networks().values()) {
      try {
        Blocking.await(dns.listen(n.name(), n.gateway()), "DNS listener on " + n.gateway());
      } catch (RuntimeException e) {
        LinuxNetworkManager.log(
            "embedded DNS for network " + n.name() + " is unavailable: " + e.getMessage());
      }
    }
    ports
        .restore(state.ports())
        .forEach(p -> LinuxNetworkManager.log("published port not restored: " + p));
  }

  private void restoreForwarding(NetState state) {
    boolean routesOut = state.networks().values().stream().anyMatch(n -> !n.internal());
    if (state.forwardingEnabled()
        && routesOut
        && !"1".equals(links.getSysctl("net.ipv4.ip_forward"))) {
      links.setSysctl("net.ipv4.ip_forward", "1");
    }
  }
}
