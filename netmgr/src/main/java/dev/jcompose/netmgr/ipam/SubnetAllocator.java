package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a network's subnets: validates configured ones or carves the first free one from the
 * default pools. Pure function of its inputs (no I/O), so the caller passes what is taken.
 *
 * <p>IPv4 pools: /24s are enough for a compose project (docker hands out /16s and runs out after
 * ~30 networks; podman also uses /24s). 172.29/16 first because it sits in docker's private range
 * users already recognise and outside docker's first defaults (172.17-172.28 are handed out in
 * order), then 10.89/16 like podman. IPv6: /64s of a unique local /48 of the engine's own (docker
 * 27 derives its default ULA /48 from the engine's id the same way), so two engines on one host do
 * not pick the same prefixes.
 */
public final class SubnetAllocator {
  public static final List<IpPrefix> DEFAULT_POOLS =
      List.of(IpPrefix.parse("172.29.0.0/16"), IpPrefix.parse("10.89.0.0/16"));
  private static final int PREFIX4 = 24;
  private static final int PREFIX6 = 64;

  private final List<IpPrefix> pools;
  private final List<IpPrefix> pools6;

  public SubnetAllocator() {
    this(DEFAULT_POOLS, List.of());
  }

  public SubnetAllocator(List<IpPrefix> pools, List<IpPrefix> pools6) {
    this.pools = List.copyOf(pools);
    this.pools6 = List.copyOf(pools6);
  }

  /** The engine's unique local /48: fd00::/8 followed by 40 bits of {@code instanceHex}. */
  public static IpPrefix uniqueLocal(String instanceHex) {
    BigInteger bits = new BigInteger(instanceHex.substring(0, 10), 16);
    return new IpPrefix(
        new IpAddress(BigInteger.valueOf(0xfd).shiftLeft(40).or(bits).shiftLeft(80), true), 48);
  }

  /** Returns {@code configured} if nothing taken overlaps it, else CONFLICT naming the overlap. */
  public IpPrefix checkConfigured(String networkName, IpPrefix configured, List<TakenRange> taken) {
    Optional<TakenRange> clash = firstOverlap(configured, taken);
    if (clash.isPresent()) {
      throw new NetworkException(
          NetworkException.Kind.CONFLICT,
          "subnet "
              + configured
              + " of network '"
              + networkName
              + "' overlaps "
              + clash.get().owner()
              + " ("
              + clash.get().range()
              + ")");
    }
    return configured;
  }

  /**
   * The first /24 (IPv4) or /64 (IPv6) of the pools that overlaps nothing taken; UNAVAILABLE when
   * all are used.
   */
  public IpPrefix allocate(String networkName, boolean v6, List<TakenRange> taken) {
    int length = v6 ? PREFIX6 : PREFIX4;
    for (IpPrefix pool : v6 ? pools6 : pools) {
      BigInteger step = BigInteger.ONE.shiftLeft(pool.network().bits() - length);
      BigInteger count = pool.size().divide(step);
      for (BigInteger i = BigInteger.ZERO; i.compareTo(count) < 0; i = i.add(BigInteger.ONE)) {
        IpPrefix candidate =
            new IpPrefix(new IpAddress(pool.network().value().add(i.multiply(step)), v6), length);
        if (firstOverlap(candidate, taken).isEmpty()) {
          return candidate;
        }
      }
    }
    throw new NetworkException(
        NetworkException.Kind.UNAVAILABLE,
        "no free "
            + (v6 ? "IPv6 " : "")
            + "subnet for network '"
            + networkName
            + "': default pools "
            + (v6 ? pools6 : pools)
            + " are exhausted; remove unused networks or configure ipam.config.subnet");
  }

  private static Optional<TakenRange> firstOverlap(IpPrefix candidate, List<TakenRange> taken) {
    return taken.stream().filter(t -> t.range().overlaps(candidate)).findFirst();
  }
}
