package dev.jcompose.netmgr;

import dev.jcompose.netmgr.dns.DnsFrontend;
import dev.jcompose.netmgr.link.BridgeConfig;
import dev.jcompose.netmgr.link.LinkInfo;
import dev.jcompose.netmgr.link.LinkOps;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetState;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.nio.file.Files;
import java.nio.file.Path;
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
    String v4 = n.hostAddress() == null ? null : n.hostAddress() + "/" + n.pool4().prefixLength();
    String v6 =
        n.hostAddress6() == null
            ? null
            : n.hostAddress6() + "/" + n.pool6().orElseThrow().prefixLength();
    return new BridgeConfig(
        n.bridge(),
        LinkNames.bridgeMac(n.bridge()),
        n.mtu(),
        v4,
        v6,
        names.bridgeAlias(n.name()),
        n.internal());
  }

  /**
   * The parent of a macvlan/ipvlan network given none: docker makes a dummy link; a bridge without
   * ports and addresses is the same dead end (nothing it receives goes anywhere) and exists in
   * every kernel that runs jcompose's bridges, where dummy links are an optional module.
   */
  static BridgeConfig standInConfig(LinkNames names, NetworkRecord n) {
    return new BridgeConfig(
        n.parent(),
        LinkNames.bridgeMac(n.parent()),
        NetworkPlanner.DEFAULT_MTU,
        null,
        null,
        names.standInAlias(n.name()),
        true);
  }

  void run(NetState state) {
    List<LinkInfo> found = links.listLinks(names.aliasPrefix());
    Set<String> expected = new HashSet<>();
    state.networks().values().forEach(n -> expected.add(n.isBridge() ? n.bridge() : n.parent()));
    state.endpoints().forEach(e -> expected.add(e.hostIf()));
    found.stream()
        .map(LinkInfo::name)
        .filter(l -> !expected.contains(l))
        .forEach(links::deleteLink);
    Set<String> present = found.stream().map(LinkInfo::name).collect(Collectors.toSet());
    for (EndpointRecord e : state.endpoints()) {
      // a macvlan/ipvlan link lives only in the container's namespace: it exists while that does
      boolean alive =
          e.hostIf() != null
              ? present.contains(e.hostIf())
              : e.netns() != null && Files.exists(Path.of(e.netns()));
      if (!alive) {
        state.removeEndpoint(e.containerId(), e.networkName());
      }
    }
    Set<String> attached =
        state.endpoints().stream().map(EndpointRecord::containerId).collect(Collectors.toSet());
    state.ports().keySet().removeIf(c -> !attached.contains(c));
    for (NetworkRecord n : state.networks().values()) {
      if (n.isBridge()) {
        links.ensureBridge(bridgeConfig(names, n));
      } else if (n.standInParent()) {
        links.ensureBridge(standInConfig(names, n));
      }
    }
    restoreForwarding(state);
    for (NetworkRecord n : state.networks().values()) {
      if (n.hostAddress() == null) {
        continue;
      }
      try {
        Blocking.await(dns.listen(n.name(), n.hostAddress()), "DNS listener on " + n.hostAddress());
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
    boolean routesOut =
        state.networks().values().stream().anyMatch(n -> n.isBridge() && !n.internal());
    boolean routesOut6 =
        state.networks().values().stream()
            .anyMatch(n -> n.isBridge() && !n.internal() && n.pool6().isPresent());
    if (state.forwardingEnabled()
        && routesOut
        && !"1".equals(links.getSysctl(LinuxNetworkManager.FORWARD4))) {
      links.setSysctl(LinuxNetworkManager.FORWARD4, "1");
    }
    if (state.forwardingEnabled6()
        && routesOut6
        && !"1".equals(links.getSysctl(LinuxNetworkManager.FORWARD6))) {
      links.setSysctl(LinuxNetworkManager.FORWARD6, "1");
    }
  }
}
