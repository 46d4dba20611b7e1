package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.math.BigInteger;

/**
 * An IPv4 or IPv6 prefix, normalised so {@code network} has no host bits (as docker refuses a
 * subnet with host bits, the planner compares the text given with this one). Immutable value.
 */
public record IpPrefix(IpAddress network, int length) {

  public IpPrefix {
    if (length < 0 || length > network.bits()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "prefix length " + length + " is out of range 0.." + network.bits());
    }
    network = new IpAddress(network.value().and(mask(length, network.bits())), network.v6());
  }

  /** Parses {@code address/length} of either family; a bare address is a single-address prefix. */
  public static IpPrefix parse(String text) {
    String t = text == null ? "" : text.strip();
    int slash = t.indexOf('/');
    if (slash < 0) {
      IpAddress a = IpAddress.parse(t);
      return new IpPrefix(a, a.bits());
    }
    String len = t.substring(slash + 1);
    if (len.isEmpty() || len.length() > 3 || !len.chars().allMatch(Character::isDigit)) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "'" + text + "' is not a CIDR prefix");
    }
    return new IpPrefix(IpAddress.parse(t.substring(0, slash)), Integer.parseInt(len));
  }

  public static IpPrefix of(Cidr cidr) {
    return new IpPrefix(IpAddress.v4(cidr.network()), cidr.prefix());
  }

  public boolean v6() {
    return network.v6();
  }

  /** The IPv4 form (only for IPv4 prefixes). */
  public Cidr toCidr() {
    return new Cidr(network.v4Int(), length);
  }

  public IpAddress last() {
    return new IpAddress(
        network.value().or(mask(length, network.bits()).not().and(all(network.bits()))),
        network.v6());
  }

  public BigInteger size() {
    return BigInteger.ONE.shiftLeft(network.bits() - length);
  }

  public boolean contains(IpAddress a) {
    return a.v6() == v6() && a.value().and(mask(length, a.bits())).equals(network.value());
  }

  public boolean contains(IpPrefix other) {
    return other.length >= length && contains(other.network);
  }

  /** Prefixes of different families never overlap. */
  public boolean overlaps(IpPrefix other) {
    return contains(other.network) || other.contains(network);
  }

  @Override
  public String toString() {
    return network + "/" + length;
  }

  private static BigInteger mask(int length, int bits) {
    return all(bits).shiftRight(bits - length).shiftLeft(bits - length);
  }

  private static BigInteger all(int bits) {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }
}
