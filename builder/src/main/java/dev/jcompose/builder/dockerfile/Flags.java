package dev.jcompose.builder.dockerfile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --flags} of one instruction checked against what the instruction accepts (BuildKit
 * {@code BFlags}): unknown flags, duplicates of single-valued ones, a string flag without a value
 * and a non-boolean value of a boolean flag are errors.
 */
final class Flags {
  private final Map<String, List<String>> values = new HashMap<>();

  static final class FlagException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FlagException(String message) {
      super(message);
    }
  }

  /**
   * @param strings flags taking a value once
   * @param repeated flags taking a value any number of times
   * @param booleans flags that are switches ({@code --link}, {@code --link=false})
   */
  static Flags parse(
      List<String> raw, Set<String> strings, Set<String> repeated, Set<String> booleans) {
    Flags f = new Flags();
    for (String flag : raw) {
      String body = flag.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? null : body.substring(eq + 1);
      if (!strings.contains(name) && !repeated.contains(name) && !booleans.contains(name)) {
        throw new FlagException("unknown flag: " + name);
      }
      if (!repeated.contains(name) && f.values.containsKey(name)) {
        throw new FlagException("Duplicate flag specified: " + name);
      }
      if (booleans.contains(name)) {
        value = bool(name, value);
      } else if (value == null) {
        throw new FlagException("Missing a value on flag: " + name);
      }
      f.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return f;
  }

  private static String bool(String name, String value) {
    if (value == null || value.isEmpty()) {
      return "true";
    }
    String v = value.toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new FlagException("expecting boolean value for flag " + name + ", not: " + value);
    }
    return v;
  }

  String string(String name) {
    List<String> v = values.get(name);
    return v == null ? null : v.get(0);
  }

  List<String> list(String name) {
    return List.copyOf(values.getOrDefault(name, List.of()));
  }

  boolean bool(String name) {
    return "true".equals(string(name));
  }
}
