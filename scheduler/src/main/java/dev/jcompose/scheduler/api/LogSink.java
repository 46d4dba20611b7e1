package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.function.Consumer;

/**
 * Receives {@code logs} output: first the containers that will be read (so a printer can size its
 * prefix column once), then their lines. Lines of followed containers come from several threads.
 */
@FunctionalInterface
public interface LogSink extends Consumer<LogEntry> {

  /** Called once, before any line, with the names of the containers read. */
  default void containers(List<String> names) {}

  /** A warning for the user, e.g. a container whose logging driver keeps nothing to read. */
  default void warning(String message) {}
}
