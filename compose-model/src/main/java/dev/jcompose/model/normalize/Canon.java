package dev.jcompose.model.normalize;

import dev.jcompose.common.time.GoDuration;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of canonical values (nulls pass through), for building the api records. */
final class Canon {
  private Canon() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
  }

  static Map<String, Object> mapOrEmpty(Object o) {
    Map<String, Object> m = map(o);
    return m == null ? Map.of() : m;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object o) {
    return o instanceof List<?> l ? (List<Object>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  static List<String> strings(Object o) {
    return o instanceof List<?> l ? List.copyOf((List<String>) l) : null;
  }

  static String str(Object o) {
    return o == null ? null : String.valueOf(o);
  }

  static Long lng(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    return o instanceof String s ? Long.valueOf(s) : null;
  }

  static Integer integer(Object o) {
    Long l = lng(o);
    return l == null ? null : l.intValue();
  }

  static boolean bool(Object o) {
    return Boolean.TRUE.equals(o);
  }

  static Boolean boolOrNull(Object o) {
    return o instanceof Boolean b ? b : null;
  }

  static Duration duration(Object o) {
    return o == null
        ? null
        : Duration.ofNanos(GoDuration.parseNanos((String) o, GoDuration.Units.COMPOSE));
  }

  /** A map of strings with null values dropped (unset variables), insertion ordered. */
  static Map<String, String> stringMap(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    mapOrEmpty(o)
        .forEach(
            (k, v) -> {
              if (v != null) {
                out.put(k, String.valueOf(v));
              }
            });
    return out;
  }

  /** First non-null of the two values. */
  static Object first(Object a, Object b) {
    return a != null ? a : b;
  }

  static Object at(Map<String, Object> m, String... path) {
    Object cur = m;
    for (String p : path) {
      Map<String, Object> cm = map(cur);
      if (cm == null) {
        return null;
      }
      cur = cm.get(p);
    }
    return cur;
  }
}
