package dev.jcompose.model.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies for record components: absent collections become empty, map order is kept. */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> v) {
    return v == null ? List.of() : List.copyOf(v);
  }

  /** null stays null: for lists where absent and empty differ (command, entrypoint). */
  static <T> List<T> listOrNull(List<T> v) {
    return v == null ? null : List.copyOf(v);
  }

  static <K, V> Map<K, V> map(Map<K, V> v) {
    return v == null || v.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(v));
  }
}
