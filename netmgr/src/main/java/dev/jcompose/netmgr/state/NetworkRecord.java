package dev.jcompose.netmgr.state;

import java.util.Map;

/**
 * A network as persisted: what was asked for and what was allocated.
 *
 * @param ipRange dynamic allocation range (CIDR) or null for the whole subnet
 */
public record NetworkRecord(
    String name,
    String bridge,
    String subnet,
    String ipRange,
    String gateway,
    boolean internal,
    int mtu,
    Map<String, String> labels) {

  public NetworkRecord {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }
}
