package dev.jcompose.model.merge;

import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.TreePath;

/** How two values at one path combine; {@code base} and {@code override} are owned copies. */
@FunctionalInterface
interface MergeStrategy {
  Node merge(Node base, Node override, TreePath path);
}
