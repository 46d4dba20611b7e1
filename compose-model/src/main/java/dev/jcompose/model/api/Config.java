package dev.jcompose.model.api;

import java.util.Map;

/** A top-level config: exactly one of file (absolute), environment, content or external is set. */
public record Config(
    String key,
    String name,
    String file,
    String environment,
    String content,
    boolean external,
    Map<String, String> labels) {}
