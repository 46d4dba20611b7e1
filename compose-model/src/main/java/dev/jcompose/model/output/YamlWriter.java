package dev.jcompose.model.output;

import dev.jcompose.model.normalize.GoMap;
import dev.jcompose.model.normalize.GoStruct;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical values the way compose's yaml.v3 encoder ({@code SetIndent(2)}) does: block
 * style, sequences indented under their key, GoMap keys in yaml.v3's natural order, empty
 * containers as {@code {}} / {@code []}, multi-line strings as literal blocks, and by-value structs
 * ({@link GoStruct}) omitted when empty (yaml's omitempty looks inside structs, json's does not).
 */
public final class YamlWriter {
  private YamlWriter() {}

  public static String write(Map<String, Object> document) {
    StringBuilder b = new StringBuilder();
    if (document.isEmpty()) {
      return "{}\n";
    }
    mapBody(b, document, "");
    return b.toString();
  }

  private static List<String> keys(Map<?, ?> m) {
    List<String> keys = new ArrayList<>();
    m.forEach(
        (k, v) -> {
          if (!(v instanceof GoStruct s && s.isEmpty())) {
            keys.add((String) k);
          }
        });
    if (m instanceof GoMap) {
      keys.sort(YamlKeyOrder::compare);
    }
    return keys;
  }

  /** Writes "key: value" lines of {@code m}, each starting at {@code indent}. */
  private static void mapBody(StringBuilder b, Map<?, ?> m, String indent) {
    boolean first = true;
    for (String k : keys(m)) {
      if (!first) {
        b.append(indent);
      }
      first = false;
      b.append(scalarText(k)).append(':');
      nested(b, m.get(k), indent + "  ", indent);
    }
  }

  /** The value after "key:" or after "- ", ending with a newline. */
  private static void nested(StringBuilder b, Object v, String childIndent, String seqIndent) {
    if (v instanceof Map<?, ?> m && !keys(m).isEmpty()) {
      b.append('\n').append(childIndent);
      mapBody(b, m, childIndent);
    } else if (v instanceof Collection<?> c && !c.isEmpty()) {
      b.append('\n');
      for (Object item : c) {
        b.append(seqIndent).append("  - ");
        item(b, item, seqIndent + "    ");
      }
    } else {
      b.append(' ');
      scalar(b, v, childIndent);
    }
  }

  /** A sequence item after "- ": maps continue on the same line. */
  private static void item(StringBuilder b, Object v, String indent) {
    if (v instanceof Map<?, ?> m && !keys(m).isEmpty()) {
      mapBody(b, m, indent);
    } else if (v instanceof Collection<?> c && !c.isEmpty()) {
      boolean first = true;
      for (Object inner : c) {
        b.append(first ? "- " : indent + "- ");
        first = false;
        item(b, inner, indent + "  ");
      }
    } else {
      scalar(b, v, indent);
    }
  }

  private static void scalar(StringBuilder b, Object v, String indent) {
    if (v instanceof String s && YamlScalars.isMultiline(s)) {
      b.append(s.endsWith("\n") ? "|" : "|-").append('\n');
      String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      for (String line : body.split("\n", -1)) {
        b.append(line.isEmpty() ? "" : indent + line).append('\n');
      }
      return;
    }
    b.append(scalarText(v)).append('\n');
  }

  private static String scalarText(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Map<?, ?>) {
      return "{}";
    }
    if (v instanceof Collection<?>) {
      return "[]";
    }
    if (v instanceof String s) {
      return YamlScalars.quote(s);
    }
    if (v instanceof Double d) {
      return GoNumbers.yaml(d);
    }
    return String.valueOf(v);
  }
}
