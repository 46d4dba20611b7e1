package dev.jcompose.builder.context;

import java.nio.file.Path;

/**
 * One file of a selection: {@code rel} is its path below the selected source ("" for the source
 * itself), {@code host} where it is on this machine. Read without following symlinks, except for
 * the selected source itself, which COPY follows (inside the context only).
 */
public record ContextEntry(
    String rel, Path host, Kind kind, int mode, long size, long mtimeNanos, String linkTarget) {
  public enum Kind {
    FILE,
    DIR,
    SYMLINK,
    FIFO
  }
}
