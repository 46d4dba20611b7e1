package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Marks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Parses canonical text into typed values, turning a bad value into a compose-file error that names
 * where it was written. Lenient for {@code --no-interpolate}, where a value may still be a {@code
 * ${VAR}}: what does not parse is then left unset.
 */
final class TypedValues {
  private final MapNode source;
  private final boolean lenient;

  TypedValues(MapNode source, boolean lenient) {
    this.source = source;
    this.lenient = lenient;
  }

  /** null for null text (or unparsable text when lenient); {@code path} is the attribute's. */
  <T> T parse(String text, Function<String, T> parser, String... path) {
    if (text == null) {
      return null;
    }
    try {
      return parser.apply(text);
    } catch (IllegalArgumentException e) {
      if (lenient) {
        return null;
      }
      throw Marks.error(source, attribute(path) + ": " + e.getMessage(), path);
    }
  }

  /** Each string of a canonical list, parsed; {@code path} is the list's. */
  <T> List<T> each(Object list, Function<String, T> parser, String... path) {
    List<T> out = new ArrayList<>();
    List<Object> items = Canon.list(list);
    for (int i = 0; i < items.size(); i++) {
      T v = parse(Canon.str(items.get(i)), parser, append(path, Integer.toString(i)));
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  /**
   * Each long-form entry of a canonical list; short entries left raw by a lenient load are skipped.
   */
  <T> List<T> eachMap(Object list, BiFunction<Map<String, Object>, Integer, T> convert) {
    List<T> out = new ArrayList<>();
    List<Object> items = Canon.list(list);
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> m = Canon.map(items.get(i));
      if (m != null) {
        out.add(convert.apply(m, i));
      }
    }
    return out;
  }

  private static String[] append(String[] path, String last) {
    String[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = last;
    return out;
  }

  /** {@code services.web.ports[0].published}. */
  private static String attribute(String... path) {
    StringBuilder sb = new StringBuilder();
    for (String p : path) {
      if (p.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(p).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(p);
      }
    }
    return sb.toString();
  }
}
