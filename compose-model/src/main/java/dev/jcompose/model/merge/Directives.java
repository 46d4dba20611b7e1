package dev.jcompose.model.merge;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.Node.Directive;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code !reset} / {@code !override} handling, as compose-go's loader/reset.go: the tagged paths of
 * an override document are removed from the base before merging; {@code !reset} nodes are dropped
 * from the override, {@code !override} nodes are kept (so they replace). Removal works on mapping
 * keys only; compose-go does not remove sequence items from the base either.
 */
public final class Directives {
  private Directives() {}

  /**
   * Paths (relative to {@code node}) of every tagged node, without descending into tagged nodes.
   */
  public static List<TreePath> paths(Node node) {
    List<TreePath> out = new ArrayList<>();
    collect(node, TreePath.ROOT, out);
    return out;
  }

  private static void collect(Node node, TreePath at, List<TreePath> out) {
    if (node == null) {
      return;
    }
    if (node.directive() != Directive.NONE) {
      out.add(at);
      return;
    }
    if (node instanceof MapNode m) {
      m.entries().forEach((k, v) -> collect(v, at.key(k), out));
    } else if (node instanceof ListNode l) {
      for (int i = 0; i < l.items().size(); i++) {
        collect(l.items().get(i), at.index(i), out);
      }
    }
  }

  /** Removes each of {@code paths} (mapping keys only) from {@code base}, in place. */
  public static void removeFrom(Node base, List<TreePath> paths) {
    for (TreePath p : paths) {
      remove(base, p.parts(), 0);
    }
  }

  private static void remove(Node node, List<String> parts, int i) {
    if (!(node instanceof MapNode m) || i >= parts.size()) {
      return;
    }
    if (i == parts.size() - 1) {
      m.entries().remove(parts.get(i));
    } else {
      remove(m.get(parts.get(i)), parts, i + 1);
    }
  }

  /**
   * A deep copy without {@code !reset} nodes and with every directive cleared; null for a reset
   * root.
   */
  public static Node strip(Node node) {
    if (node == null || node.directive() == Directive.RESET) {
      return null;
    }
    if (node instanceof MapNode m) {
      MapNode out = MapNode.empty(m.mark());
      m.entries()
          .forEach(
              (k, v) -> {
                Node s = strip(v);
                if (s != null || v == null) {
                  out.put(k, m.keyMark(k), s);
                }
              });
      return out;
    }
    if (node instanceof ListNode l) {
      ListNode out = ListNode.empty(l.mark());
      l.items()
          .forEach(
              v -> {
                Node s = strip(v);
                if (s != null) {
                  out.items().add(s);
                }
              });
      return out;
    }
    return node.withDirective(Directive.NONE);
  }
}
