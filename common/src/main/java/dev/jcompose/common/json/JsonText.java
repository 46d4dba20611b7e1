package dev.jcompose.common.json;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes values as JSON text: records by component (null components left out), enums by name, maps
 * with string keys, collections and arrays, and the value types as strings ({@link Path}, {@link
 * Duration} ISO-8601, {@link Instant} RFC 3339).
 */
final class JsonText {
  private final StringBuilder b = new StringBuilder(256);
  private final boolean pretty;
  private int depth;

  private JsonText(boolean pretty) {
    this.pretty = pretty;
  }

  static String write(Object value, boolean pretty) {
    JsonText t = new JsonText(pretty);
    t.value(value);
    return t.b.toString();
  }

  private void value(Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(s);
    } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long) {
      b.append(v);
    } else if (v instanceof Number n) {
      number(n);
    } else if (v instanceof JsonNode n) {
      node(n);
    } else if (v instanceof Enum<?> e) {
      string(e.name());
    } else if (v instanceof Map<?, ?> m) {
      map(m);
    } else if (v instanceof Collection<?> c) {
      array(c);
    } else if (v instanceof Record r) {
      record(r);
    } else if (v instanceof Optional<?> o) {
      value(o.orElse(null));
    } else if (v instanceof Path || v instanceof Duration || v instanceof Instant) {
      string(v.toString());
    } else if (v instanceof Character c) {
      string(c.toString());
    } else if (v.getClass().isArray()) {
      int n = Array.getLength(v);
      open('[');
      for (int k = 0; k < n; k++) {
        comma(k);
        value(Array.get(v, k));
      }
      close(']', n);
    } else {
      throw new JsonException("cannot write " + v.getClass().getName() + " as JSON");
    }
  }

  private void number(Number n) {
    if ((n instanceof Double d && (d.isNaN() || d.isInfinite()))
        || (n instanceof Float f && (f.isNaN() || f.isInfinite()))) {
      throw new JsonException("cannot write " + n + " as JSON");
    }
    b.append(n instanceof BigDecimal d ? d.toString() : String.valueOf(n));
  }

  private void node(JsonNode n) {
    switch (n.kind()) {
      case OBJECT -> map(n.fields());
      case ARRAY -> array(n.elements());
      case STRING -> string(n.textValue());
      case NUMBER -> number(n.numberValue());
      case BOOLEAN -> b.append(n.asBoolean());
      case NULL, MISSING -> b.append("null");
    }
  }

  private void map(Map<?, ?> m) {
    open('{');
    int k = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      comma(k++);
      Object key = e.getKey();
      field(key instanceof Enum<?> en ? en.name() : String.valueOf(key));
      value(e.getValue());
    }
    close('}', k);
  }

  private void array(Collection<?> c) {
    open('[');
    int k = 0;
    for (Object o : c) {
      comma(k++);
      value(o);
    }
    close(']', k);
  }

  private void record(Record r) {
    RecordShape shape = RecordShape.of(r.getClass());
    open('{');
    int k = 0;
    RecordComponent[] components = shape.components();
    for (int c = 0; c < components.length; c++) {
      Object v = shape.get(r, c);
      if (v == null) {
        continue;
      }
      comma(k++);
      field(shape.name(c));
      value(v);
    }
    close('}', k);
  }

  private void open(char c) {
    b.append(c);
    depth++;
  }

  private void close(char c, int count) {
    depth--;
    if (pretty && count > 0) {
      newline();
    }
    b.append(c);
  }

  private void comma(int index) {
    if (index > 0) {
      b.append(',');
    }
    if (pretty) {
      newline();
    }
  }

  private void field(String name) {
    string(name);
    b.append(pretty ? ": " : ":");
  }

  private void newline() {
    b.append('\n');
    for (int k = 0; k < depth; k++) {
      b.append("  ");
    }
  }

  private void string(String s) {
    b.append('"');
    int start = 0;
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      b.append(s, start, k);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          String hex = Integer.toHexString(c);
          b.append("\\u").append("0000", hex.length(), 4).append(hex);
        }
      }
      start = k + 1;
    }
    b.append(s, start, s.length()).append('"');
  }
}
