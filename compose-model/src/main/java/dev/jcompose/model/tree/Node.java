package dev.jcompose.model.tree;

/**
 * A YAML value read the way compose-go reads it, with its source position kept for error messages.
 *
 * <p>The loading pipeline (parse, interpolate, merge, extends, include) works on this tree; the
 * normaliser turns the final tree into the canonical model. Nodes are mutable only while a stage
 * builds them; stages hand each other fresh or copied trees.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
  Mark mark();

  /** A merge directive from a YAML tag: {@code !reset} or {@code !override}; NONE otherwise. */
  Directive directive();

  /** A copy that shares nothing mutable with this node (scalars are immutable and shared). */
  Node deepCopy();

  /** The same node carrying another directive (children shared). */
  Node withDirective(Directive directive);

  enum Directive {
    NONE,
    RESET,
    OVERRIDE
  }
}
