package dev.jcompose.scheduler.api;

/**
 * What {@code attach} connects to: a running container, its output from now on and, unless {@code
 * noStdin}, its standard input (when it was created with stdin open).
 */
public record AttachOptions(ContainerRef container, boolean noStdin) {}
