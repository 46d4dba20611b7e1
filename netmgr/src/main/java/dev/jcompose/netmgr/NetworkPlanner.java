package dev.jcompose.netmgr;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.ipam.AddressAllocator;
import dev.jcompose.netmgr.ipam.Cidr;
import dev.jcompose.netmgr.ipam.Ipv4;
import dev.jcompose.netmgr.ipam.SubnetAllocator;
import dev.jcompose.netmgr.ipam.TakenRange;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link NetworkSpec} into the record to create: subnet, range, gateway, bridge, MTU. Pure.
 */
final class NetworkPlanner {
  static final int DEFAULT_MTU = 1500;
  static final String MTU_OPTION = "com.docker.network.driver.mtu";
  private final SubnetAllocator subnets;

  NetworkPlanner(SubnetAllocator subnets) {
    this.subnets = subnets;
  }

  NetworkRecord plan(NetworkSpec spec, String bridge, List<TakenRange> taken) {
    if (spec.name() == null || spec.name().isBlank()) {
      throw new NetworkException(NetworkException.Kind.INVALID, "network name must not be empty");
    }
    Optional<NetworkSpec.Subnet> configured = ipv4Subnet(spec);
    Cidr subnet =
        configured
            .map(s -> subnets.checkConfigured(spec.name(), Cidr.parse(s.subnet()), taken))
            .orElseGet(() -> subnets.allocate(spec.name(), taken));
    String range =
        configured.map(NetworkSpec.Subnet::ipRange).filter(r -> !r.isBlank()).orElse(null);
    if (range != null && !subnet.contains(Cidr.parse(range))) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "ip_range "
              + range
              + " of network '"
              + spec.name()
              + "' is not inside its subnet "
              + subnet);
    }
    String gateway =
        configured
            .map(NetworkSpec.Subnet::gateway)
            .filter(g -> !g.isBlank())
            .orElse(Ipv4.format(AddressAllocator.firstHost(subnet)));
    if (!subnet.contains(Ipv4.parse(gateway))) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "gateway "
              + gateway
              + " of network '"
              + spec.name()
              + "' is not inside its subnet "
              + subnet);
    }
    Map<String, String> labels = spec.labels() == null ? Map.of() : spec.labels();
    return new NetworkRecord(
        spec.name(), bridge, subnet.toString(), range, gateway, spec.internal(), mtu(spec), labels);
  }

  /** Whether an existing network satisfies the spec (create is idempotent for the same spec). */
  static boolean matches(NetworkRecord existing, NetworkSpec spec) {
    if (existing.internal() != spec.internal()) {
      return false;
    }
    return ipv4Subnet(spec)
        .map(s -> Cidr.parse(s.subnet()).toString().equals(existing.subnet()))
        .orElse(true);
  }

  private static Optional<NetworkSpec.Subnet> ipv4Subnet(NetworkSpec spec) {
    // IPv6 subnets are accepted but not configured yet: jcompose networks are IPv4-only for now.
    return spec.subnets() == null
        ? Optional.empty()
        : spec.subnets().stream()
            .filter(s -> s.subnet() != null && !s.subnet().contains(":"))
            .findFirst();
  }

  private static int mtu(NetworkSpec spec) {
    if (spec.mtu() != null && spec.mtu() > 0) {
      return spec.mtu();
    }
    String opt = spec.driverOpts() == null ? null : spec.driverOpts().get(MTU_OPTION);
    try {
      return opt == null ? DEFAULT_MTU : Integer.parseInt(opt.strip());
    } catch (NumberFormatException e) {
      throw new NetworkException(
          NetworkException.Kind.INVALID,
          "driver option " + MTU_OPTION + "='" + opt + "' is not a number");
    }
  }
}
