package dev.jcompose.scheduler.api;

import java.time.Instant;

/**
 * One line a container wrote.
 *
 * @param container the container's name ({@code shop-web-1})
 * @param time when its monitor read the line
 * @param stderr written to stderr (else stdout)
 * @param text the line without its newline
 */
public record LogEntry(String container, Instant time, boolean stderr, String text) {}
