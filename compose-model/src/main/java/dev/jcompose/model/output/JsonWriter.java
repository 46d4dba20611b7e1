package dev.jcompose.model.output;

import dev.jcompose.model.normalize.GoMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical values the way Go's {@code json.MarshalIndent(v, "", " ")} does: two-space
 * indent, {@code "key": value}, empty containers as {@code {}} / {@code []}, GoMap keys sorted
 * bytewise, HTML-sensitive characters escaped (a less-than sign as backslash-u003c), no trailing
 * newline.
 */
public final class JsonWriter {
  private JsonWriter() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    value(b, value, "");
    return b.toString();
  }

  private static void value(StringBuilder b, Object v, String indent) {
    if (v instanceof Map<?, ?> m) {
      map(b, m, indent);
    } else if (v instanceof Collection<?> c) {
      list(b, c, indent);
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Double d) {
      b.append(GoNumbers.json(d));
    } else if (v instanceof Float f) {
      b.append(GoNumbers.json(Double.parseDouble(f.toString())));
    } else {
      b.append(v == null ? "null" : String.valueOf(v));
    }
  }

  private static void map(StringBuilder b, Map<?, ?> m, String indent) {
    if (m.isEmpty()) {
      b.append("{}");
      return;
    }
    List<String> keys = new ArrayList<>();
    m.keySet().forEach(k -> keys.add((String) k));
    if (m instanceof GoMap) {
      keys.sort(null);
    }
    String inner = indent + "  ";
    b.append("{\n");
    for (int i = 0; i < keys.size(); i++) {
      b.append(inner);
      string(b, keys.get(i));
      b.append(": ");
      value(b, m.get(keys.get(i)), inner);
      b.append(i + 1 < keys.size() ? ",\n" : "\n");
    }
    b.append(indent).append('}');
  }

  private static void list(StringBuilder b, Collection<?> c, String indent) {
    if (c.isEmpty()) {
      b.append("[]");
      return;
    }
    String inner = indent + "  ";
    b.append("[\n");
    int i = 0;
    for (Object o : c) {
      b.append(inner);
      value(b, o, inner);
      b.append(++i < c.size() ? ",\n" : "\n");
    }
    b.append(indent).append(']');
  }

  /** encoding/json string escaping with HTML escaping on (Go's default). */
  static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
