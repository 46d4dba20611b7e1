package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.TreePath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Converts a mapping into a compose-go struct: fields in Go declaration order, each through its own
 * {@link Conv}, {@code x-*} extensions dropped (encoding/json ignores them below the top level). A
 * pointer struct is kept when present even if empty; a by-value struct becomes a {@link GoStruct}.
 */
final class StructConv implements Conv {
  private final Map<String, Conv> fields;
  private final boolean byValue;

  private StructConv(Map<String, Conv> fields, boolean byValue) {
    this.fields = fields;
    this.byValue = byValue;
  }

  /** A pointer struct: alternating field names and converters. */
  static StructConv of(Object... pairs) {
    return new StructConv(table(pairs), false);
  }

  /** A struct held by value (printed as {} by encoding/json when empty). */
  static StructConv byValue(Object... pairs) {
    return new StructConv(table(pairs), true);
  }

  private static Map<String, Conv> table(Object... pairs) {
    LinkedHashMap<String, Conv> t = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      t.put((String) pairs[i], (Conv) pairs[i + 1]);
    }
    return t;
  }

  Set<String> fieldNames() {
    return fields.keySet();
  }

  @Override
  public Object apply(Node node, TreePath path, NormalizeContext ctx) {
    if (Converters.isNull(node)) {
      return byValue ? new GoStruct() : Conv.OMIT;
    }
    if (!(node instanceof MapNode m)) {
      throw NormalizeContext.error(node, path, "must be a mapping");
    }
    Map<String, Object> out = byValue ? new GoStruct() : new LinkedHashMap<>();
    fill(m, path, ctx, out);
    return out;
  }

  /** Converts the known fields of {@code m} into {@code out}, in field order. */
  void fill(MapNode m, TreePath path, NormalizeContext ctx, Map<String, Object> out) {
    for (String key : m.entries().keySet()) {
      if (!fields.containsKey(key) && !key.startsWith("x-")) {
        throw NormalizeContext.errorAt(
            m.keyMark(key), path, "additional property \"" + key + "\" is not allowed");
      }
    }
    fields.forEach(
        (key, conv) -> {
          if (m.entries().containsKey(key)) {
            Object v = conv.apply(m.get(key), path.key(key), ctx);
            if (v != Conv.OMIT) {
              out.put(key, v);
            }
          }
        });
  }
}
