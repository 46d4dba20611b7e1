package dev.jcompose.common.json;

import java.lang.reflect.Array;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@link JsonNode}s to typed values: records through their canonical constructor (absent fields are
 * null, or zero/false for primitives; unknown fields are ignored so an older reader takes a newer
 * writer's text), enums by name, collections and string-keyed maps, and the value types {@link
 * JsonText} writes as strings.
 */
final class JsonBinder {
  private JsonBinder() {}

  static Object bind(JsonNode n, Type type) {
    if (type instanceof Class<?> c) {
      return bindClass(n, c);
    }
    if (type instanceof ParameterizedType p) {
      return bindGeneric(n, (Class<?>) p.getRawType(), p.getActualTypeArguments());
    }
    if (type instanceof WildcardType w) {
      return bind(n, w.getUpperBounds()[0]);
    }
    if (type instanceof GenericArrayType g) {
      return array(n, g.getGenericComponentType());
    }
    throw new JsonException("cannot read JSON as " + type.getTypeName());
  }

  private static Object bindClass(JsonNode n, Class<?> c) {
    if (c.isPrimitive()) {
      return primitive(n, c);
    }
    if (n.isNull() || n.isMissingNode()) {
      return c == JsonNode.class ? n : null;
    }
    if (c == String.class) {
      if (!n.isTextual() && !n.isNumber() && !n.isBoolean()) {
        throw mismatch(n, c);
      }
      return n.asText();
    }
    if (c == JsonNode.class) {
      return n;
    }
    if (c == Object.class) {
      return n.toPlain();
    }
    if (c == Integer.class || c == Long.class || c == Boolean.class || c == Double.class) {
      return primitive(n, c);
    }
    if (c == BigDecimal.class || c == BigInteger.class || c == Short.class || c == Float.class) {
      BigDecimal d = decimal(n, c);
      return c == BigDecimal.class
          ? d
          : c == BigInteger.class
              ? d.toBigInteger()
              : c == Short.class ? (Object) d.shortValue() : (Object) d.floatValue();
    }
    if (c.isEnum()) {
      return enumValue(n, c);
    }
    if (c.isRecord()) {
      return record(n, c);
    }
    if (c == Path.class) {
      String s = text(n, c);
      // Jackson wrote paths as file: URIs: state written by earlier versions still reads
      return s.startsWith("file:") ? Path.of(URI.create(s)) : Path.of(s);
    }
    if (c == Duration.class) {
      return Duration.parse(text(n, c));
    }
    if (c == Instant.class) {
      return Instant.parse(text(n, c));
    }
    if (c.isArray()) {
      return array(n, c.getComponentType());
    }
    if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)) {
      return bindGeneric(n, c, new Type[] {Object.class, Object.class});
    }
    throw new JsonException("cannot read JSON as " + c.getName());
  }

  private static Object bindGeneric(JsonNode n, Class<?> raw, Type[] args) {
    if (n.isNull() || n.isMissingNode()) {
      return raw == Optional.class ? Optional.empty() : null;
    }
    if (raw == Optional.class) {
      return Optional.ofNullable(bind(n, args[0]));
    }
    if (Map.class.isAssignableFrom(raw)) {
      if (!n.isObject()) {
        throw mismatch(n, raw);
      }
      Type valueType = args.length > 1 ? args[1] : Object.class;
      Map<String, Object> m =
          SortedMap.class.isAssignableFrom(raw) ? new TreeMap<>() : new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), bind(e.getValue(), valueType));
      }
      return m;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      if (!n.isArray()) {
        throw mismatch(n, raw);
      }
      Collection<Object> out =
          SortedSet.class.isAssignableFrom(raw)
              ? new TreeSet<>()
              : java.util.Set.class.isAssignableFrom(raw)
                  ? new LinkedHashSet<>()
                  : new ArrayList<>(n.size());
      for (JsonNode e : n.elements()) {
        out.add(bind(e, args[0]));
      }
      return out;
    }
    return bindClass(n, raw);
  }

  private static Object record(JsonNode n, Class<?> c) {
    if (!n.isObject()) {
      throw mismatch(n, c);
    }
    RecordShape shape = RecordShape.of(c);
    Object[] values = new Object[shape.components().length];
    for (int k = 0; k < values.length; k++) {
      JsonNode field = n.path(shape.name(k));
      try {
        values[k] = bind(field, shape.type(k));
      } catch (JsonException e) {
        throw new JsonException(c.getSimpleName() + "." + shape.name(k) + ": " + e.getMessage(), e);
      }
    }
    return shape.create(values);
  }

  private static Object array(JsonNode n, Type component) {
    if (n.isNull() || n.isMissingNode()) {
      return null;
    }
    if (!n.isArray()) {
      throw mismatch(n, Object[].class);
    }
    Class<?> raw =
        component instanceof Class<?> k
            ? k
            : (Class<?>) ((ParameterizedType) component).getRawType();
    Object out = Array.newInstance(raw, n.size());
    List<JsonNode> elements = n.elements();
    for (int k = 0; k < elements.size(); k++) {
      Array.set(out, k, bind(elements.get(k), component));
    }
    return out;
  }

  private static Object primitive(JsonNode n, Class<?> c) {
    if (c == boolean.class || c == Boolean.class) {
      if (n.isMissingNode() || n.isNull()) {
        return c == boolean.class ? Boolean.FALSE : null;
      }
      if (!n.isBoolean()) {
        throw mismatch(n, c);
      }
      return n.asBoolean();
    }
    if (n.isMissingNode() || n.isNull()) {
      if (!c.isPrimitive()) {
        return null;
      }
      return c == int.class
          ? (Object) 0
          : c == long.class
              ? (Object) 0L
              : c == double.class
                  ? (Object) 0.0
                  : c == float.class ? (Object) 0f : (Object) (short) 0;
    }
    if (n.numberValue() instanceof Long l) {
      return integral(l, c);
    }
    BigDecimal d = decimal(n, c);
    if (c == int.class || c == Integer.class) {
      return d.intValueExact();
    }
    if (c == long.class || c == Long.class) {
      return d.longValueExact();
    }
    if (c == double.class || c == Double.class) {
      return d.doubleValue();
    }
    if (c == float.class) {
      return d.floatValue();
    }
    if (c == short.class) {
      return d.shortValueExact();
    }
    throw new JsonException("cannot read JSON as " + c.getName());
  }

  /**
   * A whole number (the parser's Long) as {@code c}, with the same range checks as the BigDecimal
   * path but without BigDecimal: its class initialisation alone costs a short-lived JVM 12-50 ms on
   * JDK 25, and almost every number in the API and in state is whole.
   */
  private static Object integral(long l, Class<?> c) {
    if (c == long.class || c == Long.class) {
      return l;
    }
    if (c == double.class || c == Double.class) {
      return (double) l;
    }
    if (c == float.class) {
      return (float) l;
    }
    if ((c == int.class || c == Integer.class) && l == (int) l) {
      return (int) l;
    }
    if (c == short.class && l == (short) l) {
      return (short) l;
    }
    throw new JsonException(l + " does not fit " + c.getName());
  }

  private static BigDecimal decimal(JsonNode n, Class<?> c) {
    Number v = n.numberValue();
    if (v == null) {
      throw mismatch(n, c);
    }
    return v instanceof BigDecimal d ? d : BigDecimal.valueOf(v.longValue());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumValue(JsonNode n, Class<?> c) {
    String s = text(n, c);
    try {
      return Enum.valueOf((Class) c, s);
    } catch (IllegalArgumentException e) {
      throw new JsonException("\"" + s + "\" is not a " + c.getSimpleName(), e);
    }
  }

  private static String text(JsonNode n, Class<?> c) {
    if (!n.isTextual()) {
      throw mismatch(n, c);
    }
    return n.textValue();
  }

  private static JsonException mismatch(JsonNode n, Class<?> c) {
    return new JsonException(
        "expected "
            + c.getSimpleName()
            + ", found "
            + n.kind().name().toLowerCase(java.util.Locale.ROOT));
  }
}
