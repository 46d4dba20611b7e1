package dev.jcompose.model.tree;

import dev.jcompose.model.api.ComposeFileException;

/** Finds where an attribute was written, to prefix messages with {@code file:line:column}. */
public final class Marks {
  private Marks() {}

  /**
   * The mark of the deepest existing key along {@code path} (map keys, list indexes as digits, or
   * list entries by value).
   */
  public static Mark at(MapNode root, String... path) {
    return NodeLookup.find(root, path).mark();
  }

  public static ComposeFileException error(MapNode root, String message, String... path) {
    return new ComposeFileException(where(root, path) + message);
  }

  /** {@code "file:line:column: "} of the attribute, or empty when it has no position. */
  public static String where(MapNode root, String... path) {
    Mark m = at(root, path);
    return m == null || m.line() == 0 ? "" : m + ": ";
  }
}
