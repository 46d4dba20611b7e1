package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.Map;

/**
 * Addresses inside one subnet of either family. Stateless: the caller passes the addresses in use
 * (derived from persisted endpoints, so a restarted engine knows its allocations without a separate
 * database).
 *
 * <p>Invariants: never hands out the network address (for IPv6 the subnet-router anycast address of
 * RFC 4291 2.6.1), the IPv4 broadcast address (for prefixes up to /30), the gateway nor an
 * auxiliary address ({@code ipam.config.aux_addresses}: addresses of hosts outside jcompose, which
 * docker's IPAM reserves the same way); dynamic addresses come from {@code range} (default: the
 * subnet), lowest free first.
 */
public final class AddressAllocator {
  private final String networkName;
  private final IpPrefix subnet;
  private final IpPrefix range;
  private final IpAddress gateway;
  private final Map<IpAddress, String> reserved;

  /**
   * @param reserved auxiliary addresses to their names
   */
  public AddressAllocator(
      String networkName,
      IpPrefix subnet,
      IpPrefix range,
      IpAddress gateway,
      Map<IpAddress, String> reserved) {
    this.networkName = networkName;
    this.subnet = subnet;
    this.range = range == null ? subnet : range;
    this.gateway = gateway;
    this.reserved = Map.copyOf(reserved);
  }

  /** First usable host address: the default gateway of a subnet. */
  public static IpAddress firstHost(IpPrefix subnet) {
    return subnet.length() >= subnet.network().bits() - 1
        ? subnet.network()
        : subnet.network().plus(1);
  }

  public boolean contains(IpAddress a) {
    return subnet.contains(a);
  }

  /** Checks a fixed address is in the subnet and free; {@code inUse} maps address to owner. */
  public IpAddress reserve(String address, Map<IpAddress, String> inUse) {
    IpAddress a = IpAddress.parse(address);
    if (!subnet.contains(a)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "address "
              + address
              + " is outside subnet "
              + subnet
              + " of network '"
              + networkName
              + "'");
    }
    if (a.equals(gateway) || isReserved(a)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "address "
              + address
              + " is the "
              + (a.equals(gateway)
                  ? "gateway"
                  : subnet.v6() ? "subnet-router anycast address" : "network or broadcast address")
              + " of network '"
              + networkName
              + "'");
    }
    String owner =
        inUse.getOrDefault(
            a, reserved.containsKey(a) ? "auxiliary address " + reserved.get(a) : null);
    if (owner != null) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "address " + address + " on network '" + networkName + "' is already used by " + owner);
    }
    return a;
  }

  /** Lowest free address of the range. */
  public IpAddress allocate(Map<IpAddress, String> inUse) {
    IpAddress last = range.last();
    // Bounded by what is taken: at most |inUse| + |reserved| + 3 candidates are skipped.
    for (IpAddress a = range.network(); a.compareTo(last) <= 0; a = a.plus(1)) {
      if (!a.equals(gateway)
          && !isReserved(a)
          && !inUse.containsKey(a)
          && !reserved.containsKey(a)) {
        return a;
      }
    }
    throw new NetworkException(
        NetworkException.Kind.UNAVAILABLE,
        "no free address in "
            + range
            + " of network '"
            + networkName
            + "' ("
            + inUse.size()
            + " endpoints attached)");
  }

  private boolean isReserved(IpAddress a) {
    if (subnet.v6()) {
      return a.equals(subnet.network()) && subnet.length() < 127;
    }
    return subnet.length() <= 30 && (a.equals(subnet.network()) || a.equals(subnet.last()));
  }
}
