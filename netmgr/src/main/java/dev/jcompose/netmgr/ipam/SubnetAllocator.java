package dev.jcompose.netmgr.ipam;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a network's subnet: validates a configured one or carves the first free /24 from the
 * default pools. Pure function of its inputs (no I/O), so the caller passes what is taken.
 *
 * <p>Pools: /24s are enough for a compose project (docker hands out /16s and runs out after ~30
 * networks; podman also uses /24s). 172.29/16 first because it sits in docker's private range users
 * already recognise and outside docker's first defaults (172.17-172.28 are handed out in order),
 * then 10.89/16 like podman.
 */
public final class SubnetAllocator {
  static final List<Cidr> DEFAULT_POOLS =
      List.of(Cidr.parse("172.29.0.0/16"), Cidr.parse("10.89.0.0/16"));
  private static final int DEFAULT_PREFIX = 24;

  private final List<Cidr> pools;

  public SubnetAllocator() {
    this(DEFAULT_POOLS);
  }

  public SubnetAllocator(List<Cidr> pools) {
    this.pools = List.copyOf(pools);
  }

  /** Returns {@code configured} if nothing taken overlaps it, else CONFLICT naming the overlap. */
  public Cidr checkConfigured(String networkName, Cidr configured, List<TakenRange> taken) {
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

  /** The first /24 of the pools that overlaps nothing taken; CONFLICT when all are used. */
  public Cidr allocate(String networkName, List<TakenRange> taken) {
    for (Cidr pool : pools) {
      for (long i = 0; i < pool.size() >> (32 - DEFAULT_PREFIX); i++) {
        Cidr candidate =
            new Cidr(pool.network() + (int) (i << (32 - DEFAULT_PREFIX)), DEFAULT_PREFIX);
        if (firstOverlap(candidate, taken).isEmpty()) {
          return candidate;
        }
      }
    }
    throw new NetworkException(
        NetworkException.Kind.UNAVAILABLE,
        "no free subnet for network '"
            + networkName
            + "': default pools "
            + pools
            + " are exhausted; remove unused networks or configure ipam.config.subnet");
  }

  private static Optional<TakenRange> firstOverlap(Cidr candidate, List<TakenRange> taken) {
    return taken.stream().filter(t -> t.range().overlaps(candidate)).findFirst();
  }
}
