package dev.jcompose.netmgr.state;

import dev.jcompose.netmgr.api.PortBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine's view of its networks, endpoints and published ports. Not thread-safe: the manager
 * guards it with its lock and persists it through {@link StateFile} after every change. Sorted maps
 * keep derived outputs (rule sets, golden texts) deterministic.
 */
public final class NetState {
  private final Map<String, NetworkRecord> networks = new TreeMap<>();
  private final Map<String, EndpointRecord> endpoints = new TreeMap<>();
  private final Map<String, List<PortBinding>> ports = new TreeMap<>();
  private final Map<String, String> resolvers = new TreeMap<>();
  private boolean forwardingEnabled;
  private boolean forwardingEnabled6;

  public Map<String, NetworkRecord> networks() {
    return networks;
  }

  public Optional<NetworkRecord> network(String name) {
    return Optional.ofNullable(networks.get(name));
  }

  public Optional<EndpointRecord> endpoint(String containerId, String networkName) {
    return Optional.ofNullable(endpoints.get(key(containerId, networkName)));
  }

  public void putEndpoint(EndpointRecord e) {
    endpoints.put(key(e.containerId(), e.networkName()), e);
  }

  public void removeEndpoint(String containerId, String networkName) {
    endpoints.remove(key(containerId, networkName));
  }

  public List<EndpointRecord> endpoints() {
    return new ArrayList<>(endpoints.values());
  }

  public List<EndpointRecord> endpointsOf(String networkName) {
    return endpoints.values().stream().filter(e -> e.networkName().equals(networkName)).toList();
  }

  public Map<String, List<PortBinding>> ports() {
    return ports;
  }

  /** Containers served by their own resolver on 127.0.0.11: container id -> its netns path. */
  public Map<String, String> resolvers() {
    return resolvers;
  }

  public boolean forwardingEnabled() {
    return forwardingEnabled;
  }

  public void forwardingEnabled(boolean value) {
    forwardingEnabled = value;
  }

  /** Whether jcompose switched net.ipv6.conf.all.forwarding on (for an IPv6 network). */
  public boolean forwardingEnabled6() {
    return forwardingEnabled6;
  }

  public void forwardingEnabled6(boolean value) {
    forwardingEnabled6 = value;
  }

  /** Copy for the DNS side, which reads records off the manager's lock. */
  public Map<String, List<EndpointRecord>> endpointsByNetwork() {
    Map<String, List<EndpointRecord>> out = new LinkedHashMap<>();
    networks.keySet().forEach(n -> out.put(n, endpointsOf(n)));
    return out;
  }

  private static String key(String containerId, String networkName) {
    return networkName + "\u0000" + containerId;
  }
}
