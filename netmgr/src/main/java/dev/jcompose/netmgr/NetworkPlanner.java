package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.ipam.AddressAllocator;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.ipam.SubnetAllocator;
import dev.jcompose.netmgr.ipam.TakenRange;
import dev.jcompose.netmgr.state.DriverOptions;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.PoolRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@link NetworkSpec} into the record to create: driver options, IPAM pools (subnet, range,
 * gateway, auxiliary addresses of each), bridge or parent link, MTU. Pure: what is taken on the
 * host comes in as arguments. Checks follow dockerd's ({@code daemon/network.go} validation of IPAM
 * configs, the bridge driver's one subnet per family).
 */
final class NetworkPlanner {
  static final int DEFAULT_MTU = 1500;
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z0-9_.-]{1,15}");
  private static final String GATEWAY4_KEY = "DefaultGatewayIPv4";
  private static final String GATEWAY6_KEY = "DefaultGatewayIPv6";
  private final SubnetAllocator subnets;

  NetworkPlanner(SubnetAllocator subnets) {
    this.subnets = subnets;
  }

  /**
   * @param networks subnets of the engine's other networks (never overlapped)
   * @param hostRoutes routes of the host: a bridge must not overlap them; a macvlan or ipvlan
   *     network usually is the parent's LAN, so for those they are not checked
   */
  NetworkRecord plan(
      NetworkSpec spec, LinkNames names, List<TakenRange> networks, List<TakenRange> hostRoutes) {
    if (spec.name() == null || spec.name().isBlank()) {
      throw new NetworkException(NetworkException.Kind.INVALID, "network name must not be empty");
    }
    boolean bridge = spec.driver() == NetworkSpec.Driver.BRIDGE;
    DriverOptions options = DriverOptionParser.parse(spec);
    List<TakenRange> taken = new ArrayList<>(networks);
    if (bridge) {
      taken.addAll(hostRoutes);
    }
    List<PoolRecord> pools = new ArrayList<>(pools(spec, false, taken));
    if (DriverOptionParser.enableIpv6(spec)) {
      pools.addAll(pools(spec, true, taken));
    }
    boolean standIn = !bridge && options.parent() == null;
    String link =
        bridge
            ? bridgeName(spec, names)
            : standIn ? names.standInParent(spec.name()) : options.parent();
    // docker: a macvlan/ipvlan network without a parent is internal (its dummy link leads nowhere)
    boolean internal = spec.internal() || standIn;
    int mtu = DriverOptionParser.mtu(spec, bridge ? DEFAULT_MTU : 0);
    return new NetworkRecord(
        spec.name(),
        spec.driver().id(),
        bridge ? link : null,
        bridge ? null : link,
        standIn,
        pools,
        internal,
        mtu,
        options,
        spec.labels());
  }

  /** Whether an existing network satisfies the spec (create is idempotent for the same spec). */
  static boolean matches(NetworkRecord existing, NetworkSpec spec) {
    boolean internal = spec.internal() || existing.standInParent();
    if (existing.internal() != internal
        || !existing.driver().equals(spec.driver().id())
        || existing.pool6().isPresent() != DriverOptionParser.enableIpv6(spec)) {
      return false;
    }
    for (NetworkSpec.Subnet s : spec.subnets()) {
      boolean v6 = s.subnet() != null && s.subnet().contains(":");
      if (s.subnet() != null
          && (!v6 || existing.pool6().isPresent())
          && existing.pools().stream()
              .noneMatch(p -> p.subnet().equals(IpPrefix.parse(s.subnet()).toString()))) {
        return false;
      }
    }
    return true;
  }

  /** A description of the network's addressing for a CONFLICT message. */
  static String describe(NetworkRecord n) {
    return n.driver()
        + " network with subnet "
        + String.join(", ", n.pools().stream().map(PoolRecord::subnet).toList())
        + (n.internal() ? ", internal" : "");
  }

  private List<PoolRecord> pools(NetworkSpec spec, boolean v6, List<TakenRange> taken) {
    List<NetworkSpec.Subnet> wanted = spec.subnets().stream().filter(s -> family(s) == v6).toList();
    if (wanted.size() > 1 && spec.driver() == NetworkSpec.Driver.BRIDGE) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "network '" + spec.name() + "': bridge driver doesn't support multiple subnets");
    }
    List<PoolRecord> out = new ArrayList<>();
    if (wanted.isEmpty()) {
      IpPrefix subnet = subnets.allocate(spec.name(), v6, taken);
      taken.add(new TakenRange(subnet, "network '" + spec.name() + "'"));
      out.add(
          new PoolRecord(
              subnet.toString(),
              null,
              AddressAllocator.firstHost(subnet).toString(),
              Map.of(),
              null));
      return out;
    }
    for (NetworkSpec.Subnet s : wanted) {
      IpPrefix subnet =
          subnets.checkConfigured(spec.name(), canonical("subnet", s.subnet(), null), taken);
      taken.add(new TakenRange(subnet, "network '" + spec.name() + "'"));
      out.add(pool(s, subnet));
    }
    return out;
  }

  private static PoolRecord pool(NetworkSpec.Subnet s, IpPrefix subnet) {
    String range =
        s.ipRange() == null || s.ipRange().isBlank()
            ? null
            : canonical("ip-range", s.ipRange(), subnet).toString();
    IpAddress gateway =
        s.gateway() == null || s.gateway().isBlank()
            ? AddressAllocator.firstHost(subnet)
            : inside("gateway", s.gateway(), subnet);
    Map<String, String> aux = new LinkedHashMap<>();
    s.auxAddresses()
        .forEach(
            (name, address) ->
                aux.put(name, inside("auxiliary address " + name, address, subnet).toString()));
    String routeVia = aux.get(subnet.v6() ? GATEWAY6_KEY : GATEWAY4_KEY);
    return new PoolRecord(subnet.toString(), range, gateway.toString(), aux, routeVia);
  }

  /** A prefix as docker accepts it: no host bits, and inside {@code parent} when there is one. */
  private static IpPrefix canonical(String what, String text, IpPrefix parent) {
    IpPrefix p = IpPrefix.parse(text);
    IpAddress given =
        IpAddress.parse(text.substring(0, text.contains("/") ? text.indexOf('/') : text.length()));
    if (!given.equals(p.network())) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "invalid " + what + " " + text + ": it should be " + p);
    }
    if (parent != null && p.v6() != parent.v6()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "invalid "
              + what
              + " "
              + text
              + ": parent subnet is an IPv"
              + (parent.v6() ? "6" : "4")
              + " block");
    }
    if (parent != null && !parent.contains(p)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "invalid "
              + what
              + " "
              + text
              + ": parent subnet "
              + parent
              + " doesn't contain ip-range");
    }
    return p;
  }

  private static IpAddress inside(String what, String text, IpPrefix subnet) {
    IpAddress a = IpAddress.parse(text);
    if (a.v6() != subnet.v6()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "invalid "
              + what
              + " "
              + text
              + ": parent subnet is an IPv"
              + (subnet.v6() ? "6" : "4")
              + " block");
    }
    if (!subnet.contains(a)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "invalid "
              + what
              + " "
              + text
              + ": parent subnet "
              + subnet
              + " doesn't contain this address");
    }
    return a;
  }

  private static boolean family(NetworkSpec.Subnet s) {
    if (s.subnet() == null || s.subnet().isBlank()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "an IPAM pool needs a subnet (ip_range "
              + s.ipRange()
              + ", gateway "
              + s.gateway()
              + " given without one)");
    }
    return s.subnet().contains(":");
  }

  private static String bridgeName(NetworkSpec spec, LinkNames names) {
    String given = spec.driverOpts().get(DriverOptionParser.BRIDGE_NAME);
    if (given == null || given.isEmpty()) {
      return names.bridge(spec.name());
    }
    if (!INTERFACE.matcher(given).matches() || given.equals("lo")) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "failed to parse "
              + DriverOptionParser.BRIDGE_NAME
              + " value: "
              + given
              + " (an interface name: at most 15 letters, digits, '.', '-' or '_')");
    }
    return given;
  }
}
