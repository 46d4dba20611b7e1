package dev.jcompose.builder.api;

import java.util.List;

/**
 * A finished build: the main reference and image id, how many steps ran and how many came from the
 * cache, and the warnings (unused build args, deprecated syntax).
 */
public record BuildResult(
    String reference, String imageId, int stepsRun, int stepsCached, List<String> warnings) {}
