package dev.jcompose.model.tree;

import java.util.ArrayList;
import java.util.List;

/** A sequence. */
public record ListNode(Mark mark, Directive directive, List<Node> items) implements Node {

  /** An empty, mutable sequence. */
  public static ListNode empty(Mark mark) {
    return new ListNode(mark, Directive.NONE, new ArrayList<>());
  }

  @Override
  public ListNode deepCopy() {
    List<Node> copy = new ArrayList<>(items.size());
    items.forEach(n -> copy.add(n.deepCopy()));
    return new ListNode(mark, directive, copy);
  }

  @Override
  public ListNode withDirective(Directive d) {
    return new ListNode(mark, d, items);
  }
}
