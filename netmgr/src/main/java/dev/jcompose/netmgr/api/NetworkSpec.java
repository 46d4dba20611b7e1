package dev.jcompose.netmgr.api;

import java.util.List;
import java.util.Map;

/**
 * A bridge network to create. {@code name} is the engine name (e.g. {@code myproj_default}); the
 * bridge interface gets a derived {@code jc…} name. Empty {@code subnets} = allocate from the
 * default pools, skipping anything overlapping host routes or other networks.
 */
public record NetworkSpec(
    String name,
    boolean internal,
    List<Subnet> subnets,
    Integer mtu,
    Map<String, String> driverOpts,
    Map<String, String> labels) {

  /** ipRange and gateway may be null. CIDR notation. */
  public record Subnet(String subnet, String ipRange, String gateway) {}
}
