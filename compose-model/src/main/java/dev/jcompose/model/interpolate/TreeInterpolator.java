package dev.jcompose.model.interpolate;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Interpolates every string VALUE of a compose document (keys are never interpolated, as in
 * compose-go interpolation.go) and applies the {@link TypeCasts} table. Returns a new tree; the
 * input is not modified. Errors name the file position and attribute path.
 */
public final class TreeInterpolator {
  private final Template template;
  private final Consumer<String> warnings;

  public TreeInterpolator(Function<String, Optional<String>> lookup, Consumer<String> warnings) {
    this.template = new Template(lookup, warnings);
    this.warnings = warnings;
  }

  public MapNode interpolate(MapNode doc) {
    return (MapNode) visit(doc, TreePath.ROOT);
  }

  private Node visit(Node node, TreePath path) {
    if (node instanceof MapNode map) {
      MapNode out = map.shallowCopy();
      map.entries()
          .forEach((k, v) -> out.entries().put(k, v == null ? null : visit(v, path.key(k))));
      return out;
    }
    if (node instanceof ListNode list) {
      List<Node> items = new ArrayList<>(list.items().size());
      for (int i = 0; i < list.items().size(); i++) {
        items.add(visit(list.items().get(i), path.index(i)));
      }
      return new ListNode(list.mark(), list.directive(), items);
    }
    return scalar((ScalarNode) node, path);
  }

  private Node scalar(ScalarNode s, TreePath path) {
    if (!(s.value() instanceof String text)) {
      return s;
    }
    String substituted;
    try {
      substituted = template.substitute(text);
    } catch (TemplateException e) {
      throw new ComposeFileException(describe(s, path, e), e);
    }
    Optional<TypeCasts.Kind> kind = TypeCasts.kindAt(path);
    if (kind.isEmpty()) {
      return substituted.equals(text)
          ? s
          : new ScalarNode(s.mark(), s.directive(), substituted, substituted, s.quoted());
    }
    try {
      Object cast = TypeCasts.cast(kind.get(), substituted, warnings);
      return new ScalarNode(s.mark(), s.directive(), cast, substituted, s.quoted());
    } catch (IllegalArgumentException e) {
      throw new ComposeFileException(
          s.mark()
              + ": error while interpolating "
              + path
              + ": failed to cast to expected type: "
              + e.getMessage(),
          e);
    }
  }

  private static String describe(ScalarNode s, TreePath path, TemplateException e) {
    if (e.invalid()) {
      return s.mark()
          + ": invalid interpolation format for "
          + path
          + ": \""
          + s.value()
          + "\". You may need to escape any $ with another $.";
    }
    return s.mark() + ": error while interpolating " + path + ": " + e.getMessage();
  }
}
