package dev.jcompose.model.validate;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.NodeLookup;

/** Finds where an attribute was written, to prefix messages with {@code file:line:column}. */
final class Marks {
  private Marks() {}

  /** The mark of the deepest existing key along {@code path} (map keys, list indexes as digits, or list entries by value). */
  static Mark at(MapNode root, String... path) {
    return NodeLookup.find(root, path).mark();
  }

  static ComposeFileException error(MapNode root, String message, String... path) {
    Mark m = at(root, path);
    String where = m == null || m.line() == 0 ? "" : m + ": ";
    return new ComposeFileException(where + message);
  }
}
