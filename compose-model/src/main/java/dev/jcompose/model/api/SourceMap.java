package dev.jcompose.model.api;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.NodeLookup;
import java.util.Optional;

/**
 * Where the attributes of a loaded project were written, for tools that report on the resolved
 * {@link Project} with the same {@code file:line:column} prefixes as compose-file errors. Paths are
 * attribute names from the top of the merged document ({@code "services", "web", "ports", "0"}; a
 * list entry by index, or by its value such as a network name). Immutable view; thread-safe.
 */
public final class SourceMap {
  /** A map of a project that was not loaded from files: nothing has a position. */
  public static final SourceMap EMPTY = new SourceMap(MapNode.empty(Mark.UNKNOWN));

  private final MapNode source;

  private SourceMap(MapNode source) {
    this.source = source;
  }

  /** A view of the merged source tree (the loader's; not for users to build). */
  public static SourceMap of(MapNode source) {
    return new SourceMap(source);
  }

  /** {@code file:line:column} of the attribute at {@code path}, or empty if the files do not write it. */
  public Optional<String> where(String... path) {
    NodeLookup found = NodeLookup.find(source, path);
    return found.depth() == path.length ? located(found.mark()) : Optional.empty();
  }

  /** {@code file:line:column} of the attribute, else of its nearest written parent; empty if none has a position. */
  public Optional<String> nearest(String... path) {
    return located(NodeLookup.find(source, path).mark());
  }

  private static Optional<String> located(Mark m) {
    return m == null || m.line() == 0 ? Optional.empty() : Optional.of(m.toString());
  }
}
