package dev.jcompose.model.api;

import java.util.Map;

/** A top-level secret: exactly one of file (absolute), environment or external is set. */
public record Secret(
    String key,
    String name,
    String file,
    String environment,
    boolean external,
    Map<String, String> labels) {}
