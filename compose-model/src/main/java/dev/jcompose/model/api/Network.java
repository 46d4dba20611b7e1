package dev.jcompose.model.api;

import java.util.List;
import java.util.Map;

/** A top-level network; {@code name} is the resolved engine name, e.g. {@code myproj_default}. */
public record Network(
    String key,
    String name,
    String driver,
    Map<String, String> driverOpts,
    boolean external,
    boolean internal,
    boolean attachable,
    Boolean enableIpv6,
    Ipam ipam,
    Map<String, String> labels) {

  public record Ipam(String driver, List<IpamPool> config, Map<String, String> options) {}

  public record IpamPool(
      String subnet, String ipRange, String gateway, Map<String, String> auxAddresses) {}
}
