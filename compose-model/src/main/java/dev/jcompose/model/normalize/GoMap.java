package dev.jcompose.model.normalize;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical value that is a Go {@code map} in compose-go's types (services, labels,
 * environment...): printers sort its keys (encoding/json byte order, yaml.v3 natural order).
 * Iteration order is already the JSON order when built through {@link #sorted}.
 */
public final class GoMap extends LinkedHashMap<String, Object> {
  private static final long serialVersionUID = 1L;

  public GoMap() {}

  /** A copy of {@code source} with keys in JSON (byte) order. */
  public static GoMap sorted(Map<String, ?> source) {
    GoMap out = new GoMap();
    source.keySet().stream().sorted().forEach(k -> out.put(k, source.get(k)));
    return out;
  }
}
