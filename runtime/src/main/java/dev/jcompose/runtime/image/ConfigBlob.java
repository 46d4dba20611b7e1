package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageConfig;
import dev.jcompose.runtime.api.ImageConfig.HealthConfig;
import dev.jcompose.runtime.image.content.Digest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An image config blob (image-spec config.md) reduced to what a runtime needs: the {@code config}
 * object as {@link ImageConfig} and {@code rootfs.diff_ids}, bottom layer first.
 */
record ConfigBlob(ImageConfig config, List<Digest> diffIds) {

  static ConfigBlob parse(byte[] json) {
    JsonNode root;
    try {
      root = Json.parse(json);
    } catch (JsonException e) {
      throw new ContainerException(Kind.INVALID, "malformed image config: " + e.getMessage(), e);
    }
    List<Digest> diffIds = new ArrayList<>();
    root.path("rootfs").path("diff_ids").forEach(d -> diffIds.add(Digest.parse(d.asText())));
    JsonNode c = root.path("config");
    ImageConfig config =
        new ImageConfig(
            strings(c.path("Entrypoint")),
            strings(c.path("Cmd")),
            strings(c.path("Env")),
            text(c.path("WorkingDir")),
            text(c.path("User")),
            keys(c.path("ExposedPorts")),
            keys(c.path("Volumes")),
            text(c.path("StopSignal")),
            labels(c.path("Labels")),
            health(c.path("Healthcheck")));
    return new ConfigBlob(config, List.copyOf(diffIds));
  }

  private static List<String> strings(JsonNode node) {
    if (!node.isArray()) {
      return null;
    }
    List<String> list = new ArrayList<>();
    node.forEach(n -> list.add(n.asText()));
    return List.copyOf(list);
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static List<String> keys(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    return List.copyOf(node.fields().keySet());
  }

  private static Map<String, String> labels(JsonNode node) {
    if (!node.isObject()) {
      return null;
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      map.put(e.getKey(), e.getValue().asText());
    }
    return Collections.unmodifiableMap(map);
  }

  private static HealthConfig health(JsonNode h) {
    if (!h.isObject()) {
      return null;
    }
    return new HealthConfig(
        strings(h.path("Test")),
        h.path("Interval").asLong(0),
        h.path("Timeout").asLong(0),
        h.path("StartPeriod").asLong(0),
        h.path("StartInterval").asLong(0),
        h.path("Retries").asInt(0));
  }
}
