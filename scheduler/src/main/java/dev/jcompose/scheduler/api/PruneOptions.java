package dev.jcompose.scheduler.api;

/**
 * Flags of {@code system prune}: stopped containers, networks no container uses and dangling images
 * always; with {@code allImages} every image no container uses; with {@code volumes} the volumes no
 * container uses too.
 */
public record PruneOptions(boolean allImages, boolean volumes) {}
