package dev.jcompose.model.tree;

import dev.jcompose.model.api.SourceMap;
import java.util.Optional;

/**
 * The {@link SourceMap} of a merged source tree: positions from its marks, through {@link
 * NodeLookup}.
 */
public final class TreeSourceMap implements SourceMap {
  private final MapNode source;

  public TreeSourceMap(MapNode source) {
    this.source = source;
  }

  @Override
  public Optional<String> where(String... path) {
    NodeLookup found = NodeLookup.find(source, path);
    return found.depth() == path.length ? located(found.mark()) : Optional.empty();
  }

  @Override
  public Optional<String> nearest(String... path) {
    return located(NodeLookup.find(source, path).mark());
  }

  private static Optional<String> located(Mark m) {
    return m == null || m.line() == 0 ? Optional.empty() : Optional.of(m.toString());
  }
}
