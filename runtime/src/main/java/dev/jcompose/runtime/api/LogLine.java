package dev.jcompose.runtime.api;

import java.time.Instant;

/**
 * One line a container wrote: when the monitor read it, which stream, and the text without "\n".
 */
public record LogLine(Instant time, Stream stream, String text) {
  public enum Stream {
    STDOUT,
    STDERR
  }
}
