package dev.jcompose.runtime.image.registry;

import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Picks the manifest for one platform out of an OCI index or Docker manifest list. Matching follows
 * containerd's platform matcher in spirit: os and architecture must be equal; an exact variant
 * wins, an entry without variant is accepted next; attestation entries ({@code unknown/unknown})
 * never match.
 */
public final class ManifestSelector {
  private final Platform wanted;

  public ManifestSelector(Platform wanted) {
    this.wanted = wanted;
  }

  /** The chosen entry, or NOT_FOUND listing the platforms the index offers. */
  public Descriptor select(byte[] indexJson) {
    JsonNode manifests = ImageManifest.readTree(indexJson).path("manifests");
    Optional<JsonNode> exact = find(manifests, true);
    JsonNode chosen = exact.or(() -> find(manifests, false)).orElseThrow(() -> noMatch(manifests));
    return Descriptor.from(chosen);
  }

  private Optional<JsonNode> find(JsonNode manifests, boolean exactVariant) {
    for (JsonNode m : manifests) {
      JsonNode p = m.path("platform");
      boolean base =
          wanted.os().equals(p.path("os").asText())
              && wanted.architecture().equals(p.path("architecture").asText());
      String variant = p.hasNonNull("variant") ? p.path("variant").asText() : null;
      boolean variantOk =
          exactVariant
              ? Objects.equals(variant, wanted.variant())
              : variant == null || wanted.variant() == null;
      if (base
          && variantOk
          && MediaTypes.isManifest(m.path("mediaType").asText(MediaTypes.OCI_MANIFEST))) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private ContainerException noMatch(JsonNode manifests) {
    List<String> offered = new ArrayList<>();
    for (JsonNode m : manifests) {
      JsonNode p = m.path("platform");
      offered.add(
          p.path("os").asText("?")
              + "/"
              + p.path("architecture").asText("?")
              + (p.hasNonNull("variant") ? "/" + p.path("variant").asText() : ""));
    }
    return new ContainerException(
        Kind.NOT_FOUND,
        "no manifest for platform "
            + wanted
            + " (image offers "
            + String.join(", ", offered)
            + ")");
  }
}
