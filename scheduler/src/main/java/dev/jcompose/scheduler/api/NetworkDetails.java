package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * A network as {@code network ls} and {@code network inspect} show it: name, driver (bridge), its
 * bridge interface, IPAM subnet and gateway, internal, labels, and the containers attached to it.
 */
public record NetworkDetails(
    String name,
    String driver,
    String bridge,
    String subnet,
    String gateway,
    boolean internal,
    Map<String, String> labels,
    List<Attached> containers) {

  /** A container's endpoint on the network. */
  public record Attached(
      String container, String ipv4Address, int prefixLength, String macAddress) {}
}
