package dev.jcompose.netmgr.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network as persisted: what was asked for and what was allocated.
 *
 * @param driver {@code bridge}, {@code macvlan} or {@code ipvlan}
 * @param bridge the bridge's interface (bridge driver), else null
 * @param parent macvlan/ipvlan: the host interface the containers' links hang off, else null
 * @param standInParent the parent is jcompose's own link (no {@code parent} option: docker makes a
 *     dummy link for that), deleted with the network
 * @param pools IPAM pools, the IPv4 one(s) first, then the IPv6 one(s)
 */
public record NetworkRecord(
    String name,
    String driver,
    String bridge,
    String parent,
    boolean standInParent,
    List<PoolRecord> pools,
    boolean internal,
    int mtu,
    DriverOptions options,
    Map<String, String> labels) {

  public static final String BRIDGE = "bridge";

  public NetworkRecord {
    pools = List.copyOf(pools);
    options = options == null ? DriverOptions.DEFAULTS : options;
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /**
   * A bridge with one IPv4 pool and docker's default options (what networks were before drivers and
   * IPv6).
   */
  public static NetworkRecord bridge(
      String name,
      String bridge,
      String subnet,
      String ipRange,
      String gateway,
      boolean internal,
      int mtu,
      Map<String, String> labels) {
    return new NetworkRecord(
        name,
        BRIDGE,
        bridge,
        null,
        false,
        List.of(new PoolRecord(subnet, ipRange, gateway, Map.of(), null)),
        internal,
        mtu,
        DriverOptions.DEFAULTS,
        labels);
  }

  public boolean isBridge() {
    return BRIDGE.equals(driver);
  }

  /** The first IPv4 pool: the network's subnet for DNS scoping, rules and the bridge address. */
  public PoolRecord pool4() {
    return pools.stream().filter(p -> !p.v6()).findFirst().orElseThrow();
  }

  public Optional<PoolRecord> pool6() {
    return pools.stream().filter(PoolRecord::v6).findFirst();
  }

  public String subnet() {
    return pool4().subnet();
  }

  public String ipRange() {
    return pool4().ipRange();
  }

  public String gateway() {
    return pool4().gateway();
  }

  /**
   * The gateway address the host holds on this network's bridge, where its embedded DNS listens:
   * null for macvlan/ipvlan (the gateway is a router of the parent's LAN), a bridge whose IPv4
   * address is inhibited, or an isolated one.
   */
  public String hostAddress() {
    boolean none = !isBridge() || options.inhibitIpv4() || options.gatewayMode(false, "isolated");
    return none ? null : gateway();
  }

  /** The IPv6 address the host holds on the bridge, or null. */
  public String hostAddress6() {
    boolean none = !isBridge() || options.gatewayMode(true, "isolated");
    return none ? null : pool6().map(PoolRecord::gateway).orElse(null);
  }
}
