package dev.jcompose.model.tree;

import java.util.List;

/** A sequence. */
public record ListNode(Mark mark, Directive directive, List<Node> items) implements Node {}
