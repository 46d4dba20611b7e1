package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an image's {@code history} agree with its layers: one entry without {@code empty_layer} per
 * layer (image-spec config.md), whatever a base image carried. Readers pair them up and refuse or
 * mis-show a mismatch (buildah/containers-image: "history lists 1 non-empty layers, but we have 2
 * layers on disk"). The repair is BuildKit's ({@code exporter/containerimage}
 * normalizeLayersAndHistory): entries beyond the layer count become empty, missing ones are
 * appended. Both makers of images on this host apply it to the base they start from, before adding
 * their own entries, so that each new entry pairs with the layer it made: the builder (a stage's
 * {@code FROM} image) and {@code commit} ({@link CommitConfig}).
 */
public final class LayerHistory {
  /** The {@code created_by} of an entry added for a layer the base's history did not list. */
  public static final String MISSING = "created by jcompose: the base image's history has no entry";

  private LayerHistory() {}

  /**
   * {@code history} with exactly {@code layers} non-empty entries; added entries are dated {@code
   * created} (the base image's creation: they stand for its layers).
   */
  public static List<JsonNode> normalize(List<JsonNode> history, int layers, Instant created) {
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

  /** An image config's {@code created}; {@code otherwise} when absent or not an RFC 3339 time. */
  public static Instant created(JsonNode config, Instant otherwise) {
    String text = config.path("created").asText("");
    try {
      return text.isEmpty() ? otherwise : Instant.parse(text);
    } catch (RuntimeException e) {
      return otherwise;
    }
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
