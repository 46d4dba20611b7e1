package dev.jcompose.netmgr.api;

import java.util.List;
import java.util.Map;

/**
 * A network to create. {@code name} is the engine name (e.g. {@code myproj_default}); a bridge gets
 * a derived {@code jc…} name unless {@code com.docker.network.bridge.name} names it. {@code
 * subnets} are the IPAM pools of either family in the order written; without an IPv4 one a subnet
 * is allocated from the default pools (skipping host routes and other networks), and with {@code
 * enableIpv6} but no IPv6 one, a /64 of the engine's unique local prefix. An IPv6 pool without
 * {@code enableIpv6} is ignored, as dockerd ignores it (moby#47202).
 *
 * @param driverOpts the driver's options as docker documents them (bridge: {@code
 *     com.docker.network.bridge.*}, {@code com.docker.network.driver.mtu}, …; macvlan: {@code
 *     parent}, {@code macvlan_mode}; ipvlan: {@code parent}, {@code ipvlan_mode}, {@code
 *     ipvlan_flag}); options the driver does not know are ignored, as docker's drivers ignore them
 */
public record NetworkSpec(
    String name,
    Driver driver,
    boolean internal,
    boolean enableIpv6,
    List<Subnet> subnets,
    Map<String, String> driverOpts,
    Map<String, String> labels) {

  public NetworkSpec {
    driver = driver == null ? Driver.BRIDGE : driver;
    subnets = subnets == null ? List.of() : List.copyOf(subnets);
    driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  /** A bridge network with default options. */
  public static NetworkSpec bridge(String name, boolean internal, List<Subnet> subnets) {
    return new NetworkSpec(name, Driver.BRIDGE, internal, false, subnets, Map.of(), Map.of());
  }

  /** The drivers of docker's that create links on this host. */
  public enum Driver {
    BRIDGE("bridge"),
    MACVLAN("macvlan"),
    IPVLAN("ipvlan");

    private final String id;

    Driver(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    /** The driver called {@code id}; null for a driver that is not one of these. */
    public static Driver of(String id) {
      for (Driver d : values()) {
        if (d.id.equals(id)) {
          return d;
        }
      }
      return null;
    }
  }

  /**
   * One IPAM pool, CIDR notation; ipRange and gateway may be null.
   *
   * @param auxAddresses names to addresses never handed out; docker's keys {@code
   *     DefaultGatewayIPv4}/{@code DefaultGatewayIPv6} also set the containers' default gateway
   */
  public record Subnet(
      String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {
    public Subnet {
      auxAddresses = auxAddresses == null ? Map.of() : Map.copyOf(auxAddresses);
    }

    public Subnet(String subnet, String ipRange, String gateway) {
      this(subnet, ipRange, gateway, Map.of());
    }
  }
}
