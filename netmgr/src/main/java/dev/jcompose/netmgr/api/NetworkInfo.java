package dev.jcompose.netmgr.api;

import java.util.Map;

/** A network as it exists: its bridge, subnet and gateway. */
public record NetworkInfo(
    String name,
    String bridge,
    String subnet,
    String gateway,
    boolean internal,
    Map<String, String> labels) {}
