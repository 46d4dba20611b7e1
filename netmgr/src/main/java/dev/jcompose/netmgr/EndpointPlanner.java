package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.ipam.AddressAllocator;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.ipam.IpPrefix;
import dev.jcompose.netmgr.link.InsideConfig;
import dev.jcompose.netmgr.link.SublinkConfig;
import dev.jcompose.netmgr.link.VethConfig;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetworkRecord;
import dev.jcompose.netmgr.state.PoolRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides one endpoint: its addresses (a fixed one from the pool that holds it, else the first pool
 * with a free one, as libnetwork tries the pools in order), interface name, MAC, default routes,
 * and the link that carries it (a veth on the bridge, or a macvlan/ipvlan link of the parent).
 * Pure: what is in use comes in as arguments.
 */
final class EndpointPlanner {
  private EndpointPlanner() {}

  /**
   * The endpoint to record, the link to make (exactly one of veth, sublink) and the addresses it
   * holds.
   */
  record Plan(
      EndpointRecord endpoint, VethConfig veth, SublinkConfig sublink, List<IpAddress> addresses) {}

  /**
   * @param inUse addresses of the network's other endpoints (and attaches in flight) to their
   *     owners
   * @param ifNames interface names the container already has or is getting
   */
  static Plan plan(
      NetworkRecord net,
      AttachRequest req,
      Map<IpAddress, String> inUse,
      Set<String> ifNames,
      LinkNames names) {
    List<PoolRecord> pools4 = net.pools().stream().filter(p -> !p.v6()).toList();
    List<PoolRecord> pools6 = net.pools().stream().filter(PoolRecord::v6).toList();
    if (pools6.isEmpty() && req.ipv6Address() != null && !req.ipv6Address().isBlank()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "ipv6_address "
              + req.ipv6Address()
              + ": network '"
              + net.name()
              + "' has no IPv6 (enable_ipv6 is not set)");
    }
    Picked v4 = pick(net, pools4, req.ipv4Address(), inUse);
    Picked v6 = pools6.isEmpty() ? null : pick(net, pools6, req.ipv6Address(), inUse);
    String ifName = ifName(net, req, ifNames);
    boolean ipvlan = net.driver().equals("ipvlan");
    if (ipvlan && req.macAddress() != null && !req.macAddress().isBlank()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "mac_address "
              + req.macAddress()
              + ": the links of ipvlan network '"
              + net.name()
              + "' share their parent's MAC address");
    }
    String mac =
        ipvlan
            ? null
            : req.macAddress() != null && !req.macAddress().isBlank()
                ? req.macAddress()
                : LinkNames.endpointMac(v4.address().v4Int());
    boolean routed = req.defaultRoute() && !net.internal();
    boolean deviceRoute = routed && ipvlan && !"l2".equals(net.options().vlanMode());
    String gateway = routed && !deviceRoute ? v4.pool().routeVia() : null;
    String gateway6 = routed && !deviceRoute && v6 != null ? v6.pool().routeVia() : null;
    InsideConfig inside =
        new InsideConfig(
            req.netnsPath(),
            ifName,
            mac,
            net.mtu(),
            v4.address() + "/" + v4.pool().prefixLength(),
            v6 == null ? null : v6.address() + "/" + v6.pool().prefixLength(),
            gateway,
            gateway6,
            deviceRoute,
            linkLocal(req));
    List<IpAddress> held = new ArrayList<>(List.of(v4.address()));
    if (v6 != null) {
      held.add(v6.address());
    }
    String hostIf = net.isBridge() ? names.veth(req.containerId(), net.name()) : null;
    EndpointRecord e =
        new EndpointRecord(
            req.containerId(),
            net.name(),
            hostIf,
            ifName,
            v4.address().toString(),
            v4.pool().prefixLength(),
            gateway,
            mac,
            req.dnsNames(),
            req.dnsServers(),
            v6 == null
                ? null
                : new EndpointRecord.V6(
                    v6.address().toString(), v6.pool().prefixLength(), gateway6),
            req.netnsPath().toString());
    if (net.isBridge()) {
      return new Plan(
          e,
          new VethConfig(
              hostIf,
              net.bridge(),
              names.vethAlias(req.containerId(), net.name()),
              !net.options().icc(),
              inside),
          null,
          held);
    }
    return new Plan(
        e,
        null,
        new SublinkConfig(
            net.driver(),
            net.parent(),
            net.options().vlanMode(),
            net.options().ipvlanFlag(),
            inside),
        held);
  }

  private record Picked(PoolRecord pool, IpAddress address) {}

  private static Picked pick(
      NetworkRecord net, List<PoolRecord> pools, String fixed, Map<IpAddress, String> inUse) {
    if (fixed != null && !fixed.isBlank()) {
      IpAddress a = IpAddress.parse(fixed);
      for (PoolRecord p : pools) {
        AddressAllocator alloc = allocator(net, p);
        if (alloc.contains(a)) {
          return new Picked(p, alloc.reserve(fixed, inUse));
        }
      }
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "address "
              + fixed
              + " is outside subnet"
              + (pools.size() > 1 ? "s " : " ")
              + String.join(", ", pools.stream().map(PoolRecord::subnet).toList())
              + " of network '"
              + net.name()
              + "'");
    }
    NetworkException last = null;
    for (PoolRecord p : pools) {
      try {
        return new Picked(p, allocator(net, p).allocate(inUse));
      } catch (NetworkException e) {
        last = e;
      }
    }
    throw last;
  }

  private static AddressAllocator allocator(NetworkRecord net, PoolRecord p) {
    Map<IpAddress, String> aux = new HashMap<>();
    p.auxAddresses().forEach((name, address) -> aux.put(IpAddress.parse(address), name));
    return new AddressAllocator(
        net.name(),
        IpPrefix.parse(p.subnet()),
        p.ipRange() == null ? null : IpPrefix.parse(p.ipRange()),
        IpAddress.parse(p.gateway()),
        aux);
  }

  /**
   * The requested name, else the network's prefix with the lowest number the container does not use
   * yet.
   */
  /**
   * {@code link_local_ips} with the masks moby gives them (/16 for IPv4, /64 for IPv6): addresses
   * of the interface outside the network's IPAM, so neither allocated nor checked against it.
   */
  private static List<String> linkLocal(AttachRequest req) {
    List<String> out = new ArrayList<>();
    for (String ip : req.linkLocalIps()) {
      if (!IpAddress.isValid(ip)) {
        throw new NetworkException(
            NetworkException.Kind.INVALID, "invalid link-local IP address: " + ip);
      }
      IpAddress a = IpAddress.parse(ip);
      out.add(a + (a.v6() ? "/64" : "/16"));
    }
    return out;
  }

  private static String ifName(NetworkRecord net, AttachRequest req, Set<String> inUse) {
    if (req.ifName() != null && !req.ifName().isBlank()) {
      if (!req.ifName().matches("[A-Za-z0-9_.-]{1,15}") || req.ifName().equals("lo")) {
        throw new NetworkException(
            NetworkException.Kind.INVALID,
            "interface_name '"
                + req.ifName()
                + "' is not an interface name (at most 15 letters, digits, '.', '-' or '_', not lo)");
      }
      if (inUse.contains(req.ifName())) {
        throw new NetworkException(
            NetworkException.Kind.CONFLICT,
            "interface_name "
                + req.ifName()
                + ": container "
                + req.containerId()
                + " already has an interface of that name");
      }
      return req.ifName();
    }
    String prefix = net.options().ifacePrefix();
    for (int i = 0; ; i++) {
      if (!inUse.contains(prefix + i)) {
        return prefix + i;
      }
    }
  }
}
