package dev.jcompose.netmgr.dns;

import dev.jcompose.netmgr.ipam.Cidr;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.Ipv4;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable snapshot of every name the embedded DNS knows, built from the persisted networks and
 * endpoints. The manager swaps in a new view after each change, so listeners never restart.
 *
 * <p>Scoping follows docker and aardvark: a query is answered from the networks of the asking
 * container, identified by its source address on the network the query arrived on.
 */
public final class DnsView {
  private final Map<String, Net> networks;
  private final Map<String, List<String>> serversOfContainer;
  // per container, resolved once per view: every query of a container's resolver reads it
  private final Map<String, List<Net>> netsOfContainer = new HashMap<>();

  private DnsView(
      Map<String, Net> networks,
      Map<String, List<String>> networksOfContainer,
      Map<String, List<String>> serversOfContainer) {
    this.networks = networks;
    this.serversOfContainer = serversOfContainer;
    networksOfContainer.forEach(
        (container, names) ->
            netsOfContainer.put(container, names.stream().map(networks::get).toList()));
  }

  /** Builds the view; names are matched case-insensitively, addresses keep attach order. */
  public static DnsView of(List<NetworkRecord> nets, List<EndpointRecord> endpoints) {
    Map<String, Net> byName = new HashMap<>();
    nets.forEach(
        n ->
            byName.put(
                n.name(),
                new Net(
                    n.name(),
                    Cidr.parse(n.subnet()),
                    n.internal(),
                    new LinkedHashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new LinkedHashMap<>(),
                    new HashMap<>(),
                    "." + normalize(n.name()))));
    Map<String, List<String>> containerNets = new HashMap<>();
    Map<String, List<String>> servers = new HashMap<>();
    for (EndpointRecord e : endpoints) {
      Net net = byName.get(e.networkName());
      if (net == null) {
        continue;
      }
      int address = Ipv4.parse(e.ipv4Address());
      net.clients().put(address, e.containerId());
      for (String name : new LinkedHashSet<>(e.dnsNames())) {
        net.names().computeIfAbsent(normalize(name), k -> new ArrayList<>()).add(address);
      }
      if (!e.dnsNames().isEmpty()) {
        net.ptr().putIfAbsent(address, e.dnsNames().get(0));
      }
      if (e.ipv6Address() != null) {
        IpAddress v6 = IpAddress.parse(e.ipv6Address());
        new LinkedHashSet<>(e.dnsNames())
            .forEach(
                name ->
                    net.names6().computeIfAbsent(normalize(name), k -> new ArrayList<>()).add(v6));
        if (!e.dnsNames().isEmpty()) {
          net.ptr6().putIfAbsent(v6, e.dnsNames().get(0));
        }
      }
      containerNets.computeIfAbsent(e.containerId(), k -> new ArrayList<>()).add(e.networkName());
      servers.put(e.containerId(), e.dnsServers());
    }
    return new DnsView(byName, containerNets, servers);
  }

  public static DnsView empty() {
    return of(List.of(), List.of());
  }

  /** Lower case, no trailing dot. */
  static String normalize(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  Optional<Net> network(String name) {
    return Optional.ofNullable(networks.get(name));
  }

  /** Networks whose names the client may see; empty if the client is not on {@code listener}. */
  List<Net> visibleTo(String listener, int client) {
    Net net = networks.get(listener);
    if (net == null || !net.subnet().contains(client)) {
      return List.of();
    }
    String container = net.clients().get(client);
    if (container == null) {
      return List.of(net);
    }
    return netsOfContainer.get(container);
  }

  /** The networks of a container, for queries that arrive on its own resolver (127.0.0.11). */
  List<Net> visibleToContainer(String containerId) {
    return netsOfContainer.getOrDefault(containerId, List.of());
  }

  /** Upstream servers configured for a container ({@code dns:}), or empty for the host's. */
  List<String> serversOfContainer(String containerId) {
    return serversOfContainer.getOrDefault(containerId, List.of());
  }

  /** Upstream servers configured for the client container, or empty for the host's. */
  List<String> serversOf(String listener, int client) {
    Net net = networks.get(listener);
    String container = net == null ? null : net.clients().get(client);
    return container == null ? List.of() : serversOfContainer.getOrDefault(container, List.of());
  }

  /**
   * Addresses of one network as unmodifiable facts; {@code names6}/{@code ptr6} hold the IPv6 side
   * (AAAA); {@code suffix} is ".network" for docker's name.network lookups, made once per view.
   */
  record Net(
      String name,
      Cidr subnet,
      boolean internal,
      Map<String, List<Integer>> names,
      Map<Integer, String> ptr,
      Map<Integer, String> clients,
      Map<String, List<IpAddress>> names6,
      Map<IpAddress, String> ptr6,
      String suffix) {

    Set<String> allNames() {
      return names.keySet();
    }
  }
}
