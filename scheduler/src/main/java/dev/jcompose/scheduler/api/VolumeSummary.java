package dev.jcompose.scheduler.api;

import java.util.Map;

/** A named volume as {@code volume ls} lists it: engine name, driver, host directory and labels. */
public record VolumeSummary(
    String name, String driver, String mountpoint, Map<String, String> labels) {}
