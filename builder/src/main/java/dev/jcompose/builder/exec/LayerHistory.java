package dev.jcompose.builder.exec;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an image's {@code history} agree with its layers before the config is written: one entry
 * without {@code empty_layer} per layer (image-spec config.md), whatever the base image carried.
 * Readers pair them up and refuse a mismatch (buildah/containers-image: "history lists 1 non-empty
 * layers, but we have 2 layers on disk"). The repair is BuildKit's ({@code exporter/containerimage}
 * normalizeLayersAndHistory): entries beyond the layer count become empty, missing ones are
 * appended.
 */
final class LayerHistory {
  static final String MISSING = "created by jcompose: the base image's history has no entry";

  private LayerHistory() {}

  static List<JsonNode> normalize(List<JsonNode> history, int layers, Instant created) {
    List<JsonNode> out = new ArrayList<>(history.size());
    int nonEmpty = 0;
    for (JsonNode h : history) {
      boolean empty = h.path("empty_layer").asBoolean();
      if (!empty && nonEmpty >= layers) {
        out.add(markedEmpty(h));
        continue;
      }
      nonEmpty += empty ? 0 : 1;
      out.add(h);
    }
    for (; nonEmpty < layers; nonEmpty++) {
      Map<String, Object> h = new LinkedHashMap<>();
      h.put("created", created.toString());
      h.put("created_by", MISSING);
      out.add(Json.tree(h));
    }
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked") // toPlain of an object is a Map<String, Object>
  private static JsonNode markedEmpty(JsonNode entry) {
    Object plain = entry.toPlain();
    Map<String, Object> h =
        plain instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    h.put("empty_layer", true);
    return Json.tree(h);
  }
}
