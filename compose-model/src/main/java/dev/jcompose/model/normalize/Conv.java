package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.TreePath;

/**
 * Turns one attribute's node into its canonical value, or {@link #OMIT} when compose's {@code
 * omitempty} drops it. Throws {@link dev.jcompose.model.api.ComposeFileException} naming the node.
 */
@FunctionalInterface
interface Conv {
  Object OMIT = new Object();

  Object apply(Node node, TreePath path, NormalizeContext ctx);
}
