package dev.jcompose.model.tree;

import java.util.LinkedHashMap;
import java.util.Map;

/** A mapping; keeps insertion order and the mark of each key. */
public record MapNode(Mark mark, Directive directive, LinkedHashMap<String, Node> entries, Map<String, Mark> keyMarks)
    implements Node {

  public Node get(String key) {
    return entries.get(key);
  }

  public Mark keyMark(String key) {
    return keyMarks.getOrDefault(key, mark);
  }
}
