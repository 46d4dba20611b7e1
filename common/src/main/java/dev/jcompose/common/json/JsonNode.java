package dev.jcompose.common.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed JSON value, for documents read by shape rather than bound to a record (registry
 * manifests, image configs, docker's config.json). Navigation never fails: {@link #path} of
 * something absent is the missing node, whose accessors give their defaults.
 */
public final class JsonNode implements Iterable<JsonNode> {
  /** What a value is. */
  public enum Kind {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL,
    MISSING
  }

  static final JsonNode NULL = new JsonNode(Kind.NULL, null);
  static final JsonNode MISSING = new JsonNode(Kind.MISSING, null);
  static final JsonNode TRUE = new JsonNode(Kind.BOOLEAN, true);
  static final JsonNode FALSE = new JsonNode(Kind.BOOLEAN, false);

  private final Kind kind;
  private final Object value; // Map<String, JsonNode>, List<JsonNode>, String, Number, Boolean

  private JsonNode(Kind kind, Object value) {
    this.kind = kind;
    this.value = value;
  }

  static JsonNode object(Map<String, JsonNode> fields) {
    return new JsonNode(Kind.OBJECT, Collections.unmodifiableMap(fields));
  }

  static JsonNode array(List<JsonNode> elements) {
    return new JsonNode(Kind.ARRAY, Collections.unmodifiableList(elements));
  }

  static JsonNode string(String s) {
    return new JsonNode(Kind.STRING, s);
  }

  static JsonNode number(Number n) {
    return new JsonNode(Kind.NUMBER, n);
  }

  public Kind kind() {
    return kind;
  }

  /** The field {@code name} of an object; the missing node for anything else. */
  public JsonNode path(String name) {
    JsonNode n = get(name);
    return n == null ? MISSING : n;
  }

  /** The element at {@code index} of an array; the missing node for anything else. */
  public JsonNode path(int index) {
    if (kind == Kind.ARRAY && index >= 0 && index < elements().size()) {
      return elements().get(index);
    }
    return MISSING;
  }

  /** The field {@code name} of an object, null if there is none. */
  public JsonNode get(String name) {
    return kind == Kind.OBJECT ? fields().get(name) : null;
  }

  public boolean has(String name) {
    return get(name) != null;
  }

  /** Whether the object has a field {@code name} that is not JSON null. */
  public boolean hasNonNull(String name) {
    JsonNode n = get(name);
    return n != null && !n.isNull();
  }

  public boolean isObject() {
    return kind == Kind.OBJECT;
  }

  public boolean isArray() {
    return kind == Kind.ARRAY;
  }

  public boolean isTextual() {
    return kind == Kind.STRING;
  }

  public boolean isNumber() {
    return kind == Kind.NUMBER;
  }

  public boolean isBoolean() {
    return kind == Kind.BOOLEAN;
  }

  public boolean isNull() {
    return kind == Kind.NULL;
  }

  public boolean isMissingNode() {
    return kind == Kind.MISSING;
  }

  /** The string of a string value, null for anything else. */
  public String textValue() {
    return kind == Kind.STRING ? (String) value : null;
  }

  /** A scalar as text ({@code ""} for objects, arrays, null and missing). */
  public String asText() {
    return asText("");
  }

  /** A scalar as text, {@code otherwise} for objects, arrays, null and missing. */
  public String asText(String otherwise) {
    return switch (kind) {
      case STRING -> (String) value;
      case NUMBER, BOOLEAN -> String.valueOf(value);
      default -> otherwise;
    };
  }

  public long asLong() {
    return asLong(0);
  }

  /** A number (or a string of one) as a long, {@code otherwise} for anything else. */
  public long asLong(long otherwise) {
    if (kind == Kind.NUMBER) {
      return ((Number) value).longValue();
    }
    if (kind == Kind.STRING) {
      try {
        return new BigDecimal(((String) value).trim()).longValue();
      } catch (NumberFormatException e) {
        return otherwise;
      }
    }
    return otherwise;
  }

  public int asInt() {
    return (int) asLong(0);
  }

  public int asInt(int otherwise) {
    return (int) asLong(otherwise);
  }

  public boolean asBoolean() {
    return kind == Kind.BOOLEAN
        ? (Boolean) value
        : kind == Kind.STRING && Boolean.parseBoolean((String) value);
  }

  /** The number of a number value, null for anything else. */
  public Number numberValue() {
    return kind == Kind.NUMBER ? (Number) value : null;
  }

  /** The fields of an object in document order; empty for anything else. */
  @SuppressWarnings("unchecked")
  public Map<String, JsonNode> fields() {
    return kind == Kind.OBJECT ? (Map<String, JsonNode>) value : Map.of();
  }

  /** The fields of an object in document order. */
  public Set<Map.Entry<String, JsonNode>> properties() {
    return fields().entrySet();
  }

  /** The elements of an array; empty for anything else. */
  @SuppressWarnings("unchecked")
  public List<JsonNode> elements() {
    return kind == Kind.ARRAY ? (List<JsonNode>) value : List.of();
  }

  /** Elements of an array, values of an object. */
  @Override
  public Iterator<JsonNode> iterator() {
    return kind == Kind.OBJECT ? fields().values().iterator() : elements().iterator();
  }

  /** Fields of an object, elements of an array; 0 otherwise. */
  public int size() {
    return kind == Kind.OBJECT ? fields().size() : elements().size();
  }

  /**
   * As plain Java values: maps (in document order), lists, strings, numbers, booleans and nulls.
   * The maps and lists are fresh and mutable: this is how a document is edited (the builder's image
   * config) while the tree itself stays read-only.
   */
  public Object toPlain() {
    return switch (kind) {
      case OBJECT -> {
        Map<String, Object> m = new LinkedHashMap<>();
        fields().forEach((k, v) -> m.put(k, v.toPlain()));
        yield m;
      }
      case ARRAY -> {
        List<Object> l = new ArrayList<>(elements().size());
        elements().forEach(e -> l.add(e.toPlain()));
        yield l;
      }
      case STRING, NUMBER, BOOLEAN -> value;
      case NULL, MISSING -> null;
    };
  }

  /** Compact JSON text of this value. */
  @Override
  public String toString() {
    return Json.write(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JsonNode n && kind == n.kind && java.util.Objects.equals(value, n.value);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + java.util.Objects.hashCode(value);
  }
}
