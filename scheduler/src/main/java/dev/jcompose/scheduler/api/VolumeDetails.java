package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * A volume as {@code volume inspect} shows it, with the containers that mount it and its size in
 * bytes.
 */
public record VolumeDetails(
    String name,
    String driver,
    String mountpoint,
    Map<String, String> labels,
    List<String> usedBy,
    long size) {}
