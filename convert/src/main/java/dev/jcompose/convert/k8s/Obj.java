package dev.jcompose.convert.k8s;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the ordered maps that become manifests. Null values, empty maps and empty lists are left
 * out, as Kubernetes' own serialisation omits empty optional fields ({@code omitempty}), so a
 * manifest shows only what the compose file asked for.
 */
final class Obj {
  private Obj() {}

  /** A map from alternating keys and values, in that order. */
  static Map<String, Object> of(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      put(m, (String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /**
   * An empty map that is kept, where the field's presence is the meaning ({@code emptyDir: {}}).
   */
  static Map<String, Object> empty() {
    return new Kept();
  }

  /** Puts {@code value} unless it is null or an empty map or list. */
  static void put(Map<String, Object> m, String key, Object value) {
    if (value == null
        || (value instanceof Map<?, ?> map && map.isEmpty() && !(map instanceof Kept))
        || (value instanceof Collection<?> c && c.isEmpty())) {
      return;
    }
    m.put(key, value);
  }

  /** {@code apiVersion}, {@code kind} and {@code metadata} of an object, ready for its body. */
  static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata) {
    return of("apiVersion", apiVersion, "kind", kind, "metadata", metadata);
  }

  private static final class Kept extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }
}
