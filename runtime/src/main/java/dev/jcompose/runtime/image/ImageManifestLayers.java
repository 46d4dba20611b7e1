package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import java.util.ArrayList;
import java.util.List;

/** The layer descriptors of a stored image's manifest, as JSON to carry into a new manifest. */
final class ImageManifestLayers {
  private ImageManifestLayers() {}

  /**
   * The platform manifest's layers (the index record names it even when the image was pulled by an
   * index digest).
   */
  static List<JsonNode> of(ContentStore content, ImageIndex index, ImageHandle image) {
    String manifestDigest =
        index.read().values().stream()
            .filter(r -> r.config().equals(image.imageId()))
            .map(ImageRecord::manifest)
            .findFirst()
            .orElseThrow(
                () ->
                    new ContainerException(
                        Kind.NOT_FOUND, "image " + image.reference() + " is not in the store"));
    try {
      JsonNode root = Json.parse(content.read(Digest.parse(manifestDigest)));
      if (!root.has("layers")) {
        throw new ContainerException(
            Kind.INVALID, "image " + image.reference() + " has no platform manifest");
      }
      return new ArrayList<>(root.get("layers").elements());
    } catch (JsonException e) {
      throw new ContainerException(
          Kind.INVALID, "malformed manifest of " + image.reference() + ": " + e.getMessage(), e);
    }
  }
}
