package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * A single-platform image manifest (OCI or Docker v2 schema 2): the config blob and the layers,
 * bottom first.
 */
public record ImageManifest(Descriptor config, List<Descriptor> layers) {

  /** Parses manifest JSON; Docker schema 1 and unknown shapes are INVALID. */
  public static ImageManifest parse(byte[] json) {
    JsonNode root = readTree(json);
    if (root.path("schemaVersion").asInt() != 2
        || !root.has("config")
        || !root.path("layers").isArray()) {
      throw new ContainerException(
          Kind.INVALID, "unsupported image manifest (need schemaVersion 2 with config and layers)");
    }
    List<Descriptor> layers = new ArrayList<>();
    root.path("layers").forEach(l -> layers.add(Descriptor.from(l)));
    return new ImageManifest(Descriptor.from(root.path("config")), List.copyOf(layers));
  }

  static JsonNode readTree(byte[] json) {
    try {
      return Json.parse(json);
    } catch (JsonException e) {
      throw new ContainerException(Kind.INVALID, "malformed manifest JSON: " + e.getMessage(), e);
    }
  }
}
