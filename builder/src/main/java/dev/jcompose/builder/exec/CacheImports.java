package dev.jcompose.builder.exec;

import dev.jcompose.builder.cache.StepCache;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageStore;
import dev.jcompose.runtime.api.ImageStore.Layer;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cache_from}: the build cache carried inside images this builder made (their config's
 * {@value #FIELD} object, step key to {@code diffID@created}, as BuildKit's inline cache), usable
 * wherever those images are in the local store, also after a push and a pull elsewhere.
 */
final class CacheImports {
  static final String FIELD = "dev.jcompose.cache.v0";
  private final Map<String, StepCache.Entry> entries = new HashMap<>();
  private final Map<String, Layer> layers = new HashMap<>();

  static CacheImports none() {
    return new CacheImports();
  }

  static CacheImports from(List<ImageHandle> images, ImageStore store) {
    CacheImports c = new CacheImports();
    for (ImageHandle image : images) {
      try {
        JsonNode cache = Json.parse(store.config(image)).path(FIELD);
        cache
            .properties()
            .forEach(
                e -> {
                  String[] v = e.getValue().asText().split("@", 2);
                  if (v.length == 2) {
                    c.entries.put(e.getKey(), new StepCache.Entry(v[0], Instant.parse(v[1])));
                  }
                });
        store.layers(image).forEach(l -> c.layers.put(l.diffId(), l));
      } catch (RuntimeException e) {
        // an image without usable cache data simply contributes nothing
      }
    }
    return c;
  }

  Optional<StepCache.Entry> entry(String key) {
    return Optional.ofNullable(entries.get(key));
  }

  Optional<Layer> layer(String diffId) {
    return Optional.ofNullable(layers.get(diffId));
  }
}
