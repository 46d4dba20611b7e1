package dev.jcompose.scheduler.api;

/**
 * A change in a container's filesystem against its image, as {@code docker diff} lists it: kind A,
 * C or D.
 */
public record FileChange(char kind, String path) {}
