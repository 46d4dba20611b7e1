package dev.jcompose.model.api;

import java.util.Map;

/** A top-level named volume; {@code name} is the resolved engine name, e.g. {@code myproj_data}. */
public record Volume(
    String key,
    String name,
    String driver,
    Map<String, String> driverOpts,
    boolean external,
    Map<String, String> labels) {}
