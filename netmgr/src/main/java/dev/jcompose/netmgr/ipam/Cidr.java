package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;

/**
 * An IPv4 prefix, normalised so {@code network} has no host bits. Immutable value.
 *
 * @param network first address of the prefix
 * @param prefix length 0..32
 */
public record Cidr(int network, int prefix) {

  public Cidr {
    if (prefix < 0 || prefix > 32) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "prefix length " + prefix + " is out of range 0..32");
    }
    network &= mask(prefix);
  }

  /** Parses {@code a.b.c.d/n}; a bare address is a /32. */
  public static Cidr parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return new Cidr(Ipv4.parse(text), 32);
    }
    String len = text.substring(slash + 1).strip();
    if (len.isEmpty() || !len.chars().allMatch(Character::isDigit) || len.length() > 2) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "'" + text + "' is not an IPv4 CIDR");
    }
    return new Cidr(Ipv4.parse(text.substring(0, slash)), Integer.parseInt(len));
  }

  static int mask(int prefix) {
    return prefix == 0 ? 0 : -1 << (32 - prefix);
  }

  public long size() {
    return 1L << (32 - prefix);
  }

  public int last() {
    return network | ~mask(prefix);
  }

  public boolean contains(int address) {
    return (address & mask(prefix)) == network;
  }

  public boolean contains(Cidr other) {
    return other.prefix >= prefix && contains(other.network);
  }

  public boolean overlaps(Cidr other) {
    return contains(other.network) || other.contains(network);
  }

  @Override
  public String toString() {
    return Ipv4.format(network) + "/" + prefix;
  }
}
