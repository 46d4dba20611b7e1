package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.Map;

/**
 * Addresses inside one subnet. Stateless: the caller passes the addresses in use (derived from
 * persisted endpoints, so a restarted engine knows its allocations without a separate database).
 *
 * <p>Invariants: never hands out the network address, the broadcast address (for prefixes up to
 * /30) nor the gateway; dynamic addresses come from {@code ipRange} (default: the subnet), lowest
 * free first.
 */
public final class AddressAllocator {
  private final String networkName;
  private final Cidr subnet;
  private final Cidr range;
  private final int gateway;

  public AddressAllocator(String networkName, Cidr subnet, Cidr range, int gateway) {
    this.networkName = networkName;
    this.subnet = subnet;
    this.range = range == null ? subnet : range;
    this.gateway = gateway;
  }

  /** First usable host address: the default gateway of a subnet. */
  public static int firstHost(Cidr subnet) {
    return subnet.prefix() >= 31 ? subnet.network() : subnet.network() + 1;
  }

  /** Checks a fixed address is in the subnet and free; {@code inUse} maps address to owner. */
  public int reserve(String address, Map<Integer, String> inUse) {
    int a = Ipv4.parse(address);
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
    if (a == gateway || isReserved(a)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "address "
              + address
              + " is the "
              + (a == gateway ? "gateway" : "network or broadcast address")
              + " of network '"
              + networkName
              + "'");
    }
    String owner = inUse.get(a);
    if (owner != null) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "address " + address + " on network '" + networkName + "' is already used by " + owner);
    }
    return a;
  }

  /** Lowest free address of the range. */
  public int allocate(Map<Integer, String> inUse) {
    for (long a = Integer.toUnsignedLong(range.network());
        a <= Integer.toUnsignedLong(range.last());
        a++) {
      int candidate = (int) a;
      if (candidate != gateway && !isReserved(candidate) && !inUse.containsKey(candidate)) {
        return candidate;
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

  private boolean isReserved(int a) {
    return subnet.prefix() <= 30 && (a == subnet.network() || a == subnet.last());
  }
}
