package dev.jcompose.netmgr.ipam;

/**
 * A range something else already uses, with a human description of the owner for error messages
 * ("network 'p_default'", "host route 192.0.2.0/24 dev eth0").
 */
public record TakenRange(IpPrefix range, String owner) {

  public static TakenRange of(Cidr range, String owner) {
    return new TakenRange(IpPrefix.of(range), owner);
  }
}
