package dev.jcompose.builder.plan;

import dev.jcompose.common.json.JsonNode;

/**
 * A base image as the planner needs it: its normalised reference, its id (config digest) and its
 * whole OCI image config (so fields the runtime ignores, such as Shell and OnBuild, survive).
 */
public record ImageInfo(String reference, String imageId, JsonNode config) {}
