package dev.jcompose.model.normalize;

import dev.jcompose.common.time.GoDuration;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The converters shared by many attributes, one per compose-go Go type: string, bool, *bool, int,
 * *int, float32, UnitBytes, *Duration, StringList, Mapping, MappingWithEquals, Labels... Each
 * applies that type's decoding and its omitempty rule, so that output matches encoding/json.
 */
final class Converters {
  private Converters() {}

  static final Conv STRING =
      (n, p, c) -> {
        if (n != null && !(n instanceof ScalarNode)) {
          throw NormalizeContext.error(n, p, "must be a string");
        }
        return omitIfEmpty(text(n));
      };
  static final Conv BOOL = (n, p, c) -> Boolean.TRUE.equals(bool(n, p)) ? (Object) true : Conv.OMIT;
  static final Conv BOOL_PTR =
      (n, p, c) -> (n instanceof ScalarNode s && s.value() == null) ? Conv.OMIT : bool(n, p);
  static final Conv INT =
      (n, p, c) -> {
        long v = integer(n, p);
        return v == 0 ? Conv.OMIT : v;
      };
  static final Conv INT_PTR = (n, p, c) -> isNull(n) ? Conv.OMIT : integer(n, p);
  static final Conv FLOAT32 =
      (n, p, c) -> {
        double d = number(n, p);
        return d == 0 ? Conv.OMIT : Plain.float32(d);
      };
  static final Conv BYTES =
      (n, p, c) -> {
        long v = bytes(n, p);
        return v == 0 ? Conv.OMIT : String.valueOf(v);
      };
  static final Conv DURATION_PTR =
      (n, p, c) -> isNull(n) ? Conv.OMIT : GoDuration.format(duration(n, p));
  static final Conv DURATION =
      (n, p, c) -> {
        long d = isNull(n) ? 0 : duration(n, p);
        return d == 0 ? Conv.OMIT : GoDuration.format(d);
      };
  static final Conv STRINGS = (n, p, c) -> omitIfEmpty(strings(n, p, false));
  static final Conv STRING_OR_LIST = (n, p, c) -> omitIfEmpty(strings(n, p, true));
  static final Conv MAPPING = (n, p, c) -> omitIfEmpty(mapping(n, p, false, "="));
  static final Conv MAPPING_EQ = (n, p, c) -> omitIfEmpty(mapping(n, p, true, "="));
  static final Conv GENERIC = (n, p, c) -> isNull(n) ? Conv.OMIT : Plain.of(n);

  static boolean isNull(Node n) {
    return n == null || (n instanceof ScalarNode s && s.value() == null);
  }

  static Object omitIfEmpty(Object v) {
    if (v == null
        || (v instanceof String s && s.isEmpty())
        || (v instanceof Map<?, ?> m && m.isEmpty())
        || (v instanceof List<?> l && l.isEmpty())) {
      return Conv.OMIT;
    }
    return v;
  }

  static String text(Node n) {
    return n instanceof ScalarNode s ? Plain.sprint(s.value()) : null;
  }

  static Boolean bool(Node n, TreePath p) {
    if (n instanceof ScalarNode s && s.value() instanceof Boolean b) {
      return b;
    }
    throw NormalizeContext.error(n, p, "must be a boolean");
  }

  static long integer(Node n, TreePath p) {
    if (n instanceof ScalarNode s && s.value() instanceof Long l) {
      return l;
    }
    if (n instanceof ScalarNode s && s.value() instanceof String str) {
      try {
        return Long.parseLong(str.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw NormalizeContext.error(n, p, "must be an integer");
  }

  static double number(Node n, TreePath p) {
    if (n instanceof ScalarNode s && s.value() instanceof Number num) {
      return num.doubleValue();
    }
    if (n instanceof ScalarNode s && s.value() instanceof String str) {
      try {
        return Double.parseDouble(str.trim());
      } catch (NumberFormatException e) {
        throw NormalizeContext.error(n, p, "invalid number \"" + str + "\"");
      }
    }
    throw NormalizeContext.error(n, p, "must be a number");
  }

  static long bytes(Node n, TreePath p) {
    try {
      return ByteSizes.parse(((ScalarNode) n).value());
    } catch (IllegalArgumentException | ClassCastException e) {
      throw NormalizeContext.error(
          n, p, e instanceof ClassCastException ? "must be a byte size" : e.getMessage());
    }
  }

  static long duration(Node n, TreePath p) {
    try {
      return GoDuration.parseNanos(
          Plain.sprint(((ScalarNode) n).value()), GoDuration.Units.COMPOSE);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw NormalizeContext.error(
          n, p, e instanceof ClassCastException ? "must be a duration" : e.getMessage());
    }
  }

  /** A list of strings (numbers stringified); a single string too when {@code allowString}. */
  static List<String> strings(Node n, TreePath p, boolean allowString) {
    List<String> out = new ArrayList<>();
    if (n instanceof ListNode l) {
      for (int i = 0; i < l.items().size(); i++) {
        Node item = l.items().get(i);
        if (!(item instanceof ScalarNode)) {
          throw NormalizeContext.error(item, p.index(i), "must be a string");
        }
        out.add(text(item));
      }
      return out;
    }
    if (allowString && n instanceof ScalarNode s && s.value() != null) {
      out.add(text(n));
      return out;
    }
    if (isNull(n)) {
      return out;
    }
    throw NormalizeContext.error(n, p, "must be a list of strings");
  }

  /**
   * A Go map of strings from a map or a {@code KEY=VALUE} list. With {@code keepNull} (compose's
   * MappingWithEquals) a bare key or null value stays null; otherwise (Mapping/Labels) it is "".
   */
  static GoMap mapping(Node n, TreePath p, boolean keepNull, String sep) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (n instanceof MapNode m) {
      m.entries()
          .forEach(
              (k, v) -> {
                Object value = v instanceof ScalarNode s ? s.value() : null;
                if (v != null && !(v instanceof ScalarNode)) {
                  throw NormalizeContext.error(
                      v, p.key(k), "must be a string, number, boolean or null");
                }
                out.put(k, value == null ? (keepNull ? null : "") : Plain.sprint(value));
              });
    } else if (n instanceof ListNode l) {
      for (int i = 0; i < l.items().size(); i++) {
        String item = text(l.items().get(i));
        if (item == null) {
          throw NormalizeContext.error(l.items().get(i), p.index(i), "must be a string");
        }
        int eq = item.indexOf(sep);
        String key = eq < 0 ? item : item.substring(0, eq);
        if (keepNull && !key.isEmpty() && Character.isWhitespace(key.charAt(key.length() - 1))) {
          throw NormalizeContext.error(
              l.items().get(i),
              p.index(i),
              "environment variable " + key + " is declared with a trailing space");
        }
        out.put(key, eq < 0 ? (keepNull ? null : "") : item.substring(eq + 1));
      }
    } else if (!isNull(n)) {
      throw NormalizeContext.error(n, p, "must be a mapping or a list of KEY=VALUE strings");
    }
    return GoMap.sorted(out);
  }
}
