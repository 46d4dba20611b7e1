package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Node.Directive;
import dev.jcompose.model.tree.ScalarNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts one snakeyaml-engine node graph into our tree: go-yaml scalar resolution, merge keys
 * ({@code <<}, single mapping or list of mappings: explicit keys win, earlier list entries win),
 * {@code !reset}/{@code !override} tags as directives, duplicate keys rejected (go-yaml does), and
 * a cap on converted nodes against alias bombs (compose-go caps node visits the same way).
 */
final class YamlNodes {
  static final int MAX_NODES = 1_000_000;
  private final String file;
  private int visited;

  /**
   * Collections being converted: meeting one again means a recursive alias (go-yaml rejects it).
   */
  private final Set<org.snakeyaml.engine.v2.nodes.Node> open =
      Collections.newSetFromMap(new IdentityHashMap<>());

  YamlNodes(String file) {
    this.file = file;
  }

  static Mark mark(String file, org.snakeyaml.engine.v2.exceptions.Mark m) {
    return new Mark(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private Mark markOf(org.snakeyaml.engine.v2.nodes.Node n) {
    return n.getStartMark().map(m -> mark(file, m)).orElse(new Mark(file, 0, 0));
  }

  Node convert(org.snakeyaml.engine.v2.nodes.Node n) {
    if (++visited > MAX_NODES) {
      throw new ComposeFileException(
          markOf(n) + ": compose file exceeds maximum node visit limit (" + MAX_NODES + ")");
    }
    Directive d = directive(n.getTag());
    if (n instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
      return scalar(s, d);
    }
    if (!open.add(n)) {
      throw new ComposeFileException(
          markOf(n) + ": cycle detected: node references itself through an alias");
    }
    try {
      if (n instanceof SequenceNode seq) {
        List<Node> items = new ArrayList<>(seq.getValue().size());
        seq.getValue().forEach(child -> items.add(convert(child)));
        return new ListNode(markOf(n), d, items);
      }
      return mapping((MappingNode) n, d);
    } finally {
      open.remove(n);
    }
  }

  private static Directive directive(Tag tag) {
    return switch (tag.getValue()) {
      case "!reset" -> Directive.RESET;
      case "!override" -> Directive.OVERRIDE;
      default -> Directive.NONE;
    };
  }

  private ScalarNode scalar(org.snakeyaml.engine.v2.nodes.ScalarNode s, Directive d) {
    String text = s.getValue();
    boolean plain = s.getScalarStyle() == ScalarStyle.PLAIN;
    Object value;
    if (!plain || (Tag.STR.equals(s.getTag()) && !s.isResolved())) {
      value = text;
    } else {
      value = GoYamlScalars.resolve(text);
    }
    return new ScalarNode(markOf(s), d, value, text, !plain);
  }

  private MapNode mapping(MappingNode m, Directive d) {
    MapNode out = MapNode.empty(markOf(m)).withDirective(d);
    List<MapNode> merged = new ArrayList<>();
    for (NodeTuple t : m.getValue()) {
      if (isMergeKey(t.getKeyNode())) {
        merged.addAll(mergeSources(t.getValueNode()));
        continue;
      }
      String key = keyOf(t.getKeyNode());
      Mark keyMark = markOf(t.getKeyNode());
      if (out.entries().containsKey(key)) {
        throw new ComposeFileException(
            keyMark
                + ": mapping key \""
                + key
                + "\" already defined at line "
                + out.keyMark(key).line());
      }
      out.put(key, keyMark, convert(t.getValueNode()));
    }
    for (MapNode source : merged) {
      source
          .entries()
          .forEach(
              (k, v) -> {
                if (!out.entries().containsKey(k)) {
                  out.put(k, source.keyMark(k), v.deepCopy());
                }
              });
    }
    return out;
  }

  private static boolean isMergeKey(org.snakeyaml.engine.v2.nodes.Node key) {
    return key instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s
        && s.getScalarStyle() == ScalarStyle.PLAIN
        && "<<".equals(s.getValue());
  }

  private List<MapNode> mergeSources(org.snakeyaml.engine.v2.nodes.Node value) {
    Node converted = convert(value);
    List<MapNode> out = new ArrayList<>();
    if (converted instanceof MapNode map) {
      out.add(map);
    } else if (converted instanceof ListNode list) {
      for (Node item : list.items()) {
        if (!(item instanceof MapNode map)) {
          throw new ComposeFileException(
              item.mark() + ": map merge requires map or sequence of maps as the value");
        }
        out.add(map);
      }
    } else {
      throw new ComposeFileException(
          converted.mark() + ": map merge requires map or sequence of maps as the value");
    }
    return out;
  }

  private String keyOf(org.snakeyaml.engine.v2.nodes.Node key) {
    if (key instanceof org.snakeyaml.engine.v2.nodes.ScalarNode s) {
      ScalarNode k = scalar(s, Directive.NONE);
      if (k.value() instanceof String str) {
        return str;
      }
      // compose-go (convertToStringKeysRecursive) rejects non-string keys such as 80 or true
      throw new ComposeFileException(k.mark() + ": non-string key: " + k.raw());
    }
    throw new ComposeFileException(markOf(key) + ": non-string key");
  }
}
