package dev.jcompose.scheduler.watch;

import java.nio.file.Path;

/** A file the watcher saw change: created or modified ({@code deleted} false), or deleted. */
public record FileChange(Path path, boolean deleted) {}
