package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.image.content.Digest;

/** An OCI content descriptor: what a manifest says about a blob it points to. */
public record Descriptor(String mediaType, Digest digest, long size) {

  static Descriptor from(JsonNode node) {
    return new Descriptor(
        node.path("mediaType").asText(""),
        Digest.parse(node.path("digest").asText(null)),
        node.path("size").asLong(-1));
  }
}
