package dev.jcompose.model.merge;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * List/map form conversions used by the merge rules (compose-go convertIntoSequence,
 * convertIntoMapping): a mapping becomes the sorted list {@code KEY=VALUE} ({@code KEY} alone for a
 * null value, one entry per element for a list value).
 */
final class Sequences {
  private Sequences() {}

  static Node mergeToSequence(Node base, Node override, TreePath path) {
    ListNode out = toSequence(base);
    out.items().addAll(toSequence(override).items());
    return out;
  }

  /** Union keeping base order; override entries equal to a base entry are dropped. */
  static Node mergeExtraHosts(Node base, Node override, TreePath path) {
    ListNode out = toSequence(base);
    List<String> seen = texts(out);
    for (Node n : toSequence(override).items()) {
      if (!seen.contains(text(n))) {
        out.items().add(n);
      }
    }
    return out;
  }

  static ListNode toSequence(Node node) {
    if (node instanceof ListNode l) {
      return new ListNode(l.mark(), l.directive(), new ArrayList<>(l.items()));
    }
    ListNode out = ListNode.empty(node == null ? Mark.UNKNOWN : node.mark());
    if (node instanceof MapNode m) {
      m.entries().forEach((k, v) -> addEntries(out, k, m.keyMark(k), v));
      out.items().sort(Comparator.comparing(Sequences::text));
    } else if (node instanceof ScalarNode s && s.value() != null) {
      out.items().add(s);
    }
    return out;
  }

  private static void addEntries(ListNode out, String key, Mark mark, Node value) {
    if (value instanceof ScalarNode s && s.value() == null) {
      out.items().add(ScalarNode.ofString(mark, key));
    } else if (value instanceof ListNode l) {
      l.items().forEach(v -> out.items().add(ScalarNode.ofString(v.mark(), key + "=" + text(v))));
    } else {
      out.items().add(ScalarNode.ofString(value.mark(), key + "=" + text(value)));
    }
  }

  /** A mapping from list form: each item becomes a key with a copy of {@code defaults} or null. */
  static MapNode toMapping(Node node, MapNode defaults) {
    if (node instanceof MapNode m) {
      return m;
    }
    MapNode out = MapNode.empty(node == null ? Mark.UNKNOWN : node.mark());
    if (node instanceof ListNode l) {
      for (Node item : l.items()) {
        Node value = defaults == null ? ScalarNode.of(item.mark(), null) : defaults.deepCopy();
        out.put(text(item), item.mark(), value);
      }
    }
    return out;
  }

  static List<String> texts(ListNode l) {
    List<String> out = new ArrayList<>();
    l.items().forEach(n -> out.add(text(n)));
    return out;
  }

  /** Text of a value as Go's {@code %v} prints it (numbers in decimal, floats shortest). */
  static String text(Node n) {
    if (!(n instanceof ScalarNode s)) {
      return String.valueOf(n);
    }
    Object v = s.value();
    if (v instanceof Double d) {
      return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e21
          ? String.valueOf(d.longValue())
          : d.toString();
    }
    return v == null ? "" : v.toString();
  }
}
