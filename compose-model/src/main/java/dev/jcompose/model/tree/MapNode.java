package dev.jcompose.model.tree;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping; keeps insertion order and the mark of each key. */
public record MapNode(
    Mark mark, Directive directive, LinkedHashMap<String, Node> entries, Map<String, Mark> keyMarks)
    implements Node {

  /** An empty, mutable mapping. */
  public static MapNode empty(Mark mark) {
    return new MapNode(mark, Directive.NONE, new LinkedHashMap<>(), new HashMap<>());
  }

  public Node get(String key) {
    return entries.get(key);
  }

  public Mark keyMark(String key) {
    return keyMarks.getOrDefault(key, mark);
  }

  /** Adds or replaces {@code key}, remembering where the key was written. */
  public void put(String key, Mark keyMark, Node value) {
    entries.put(key, value);
    keyMarks.put(key, keyMark);
  }

  /** A new mapping with the same (shared) children; safe to add/remove keys. */
  public MapNode shallowCopy() {
    return new MapNode(mark, directive, new LinkedHashMap<>(entries), new HashMap<>(keyMarks));
  }

  @Override
  public MapNode deepCopy() {
    LinkedHashMap<String, Node> copy = new LinkedHashMap<>();
    entries.forEach((k, v) -> copy.put(k, v == null ? null : v.deepCopy()));
    return new MapNode(mark, directive, copy, new HashMap<>(keyMarks));
  }

  @Override
  public MapNode withDirective(Directive d) {
    return new MapNode(mark, d, entries, keyMarks);
  }
}
