package dev.jcompose.runtime.image;

import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageDescription;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageStore.Layer;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.KeyedLock;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.ImageManifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The read and delete side of the store: turns index records into {@link ImageHandle}s and removes
 * references, deleting layers and blobs no remaining reference needs.
 *
 * <p>Known gap: a removal racing with a pull of an image that shares a layer can delete that layer
 * between the pull's unpack and its index update; {@link #find} then reports the image as absent
 * and a new pull restores it.
 */
final class ImageCatalog {
  private static final Pattern ID = Pattern.compile("(sha256:)?[a-f0-9]{4,64}");
  private final ImageIndex index;
  private final ContentStore content;
  private final LayerStore layers;
  private final KeyedLock locks;

  ImageCatalog(ImageIndex index, ContentStore content, LayerStore layers, KeyedLock locks) {
    this.index = index;
    this.content = content;
    this.layers = layers;
    this.locks = locks;
  }

  /** By reference ({@code busybox}, {@code host/x:tag}) or by image id prefix. */
  /** When the reference was last pulled (its index entry's pulledAt). */
  Optional<Instant> lastPulled(String reference) {
    Map<String, ImageRecord> records = index.read();
    return keys(records, reference).stream()
        .map(records::get)
        .filter(r -> r != null && r.pulledAt() != null)
        .findFirst()
        .map(r -> Instant.parse(r.pulledAt()));
  }

  Optional<ImageHandle> find(String reference) {
    Map<String, ImageRecord> records = index.read();
    return keys(records, reference).stream()
        .findFirst()
        .flatMap(key -> handle(key, records.get(key)));
  }

  List<ImageHandle> list() {
    List<ImageHandle> handles = new ArrayList<>();
    index.read().forEach((key, record) -> handle(key, record).ifPresent(handles::add));
    return handles;
  }

  /** Points {@code target} (normalised) at the image {@code source} names. */
  void tag(String source, String target) {
    Map<String, ImageRecord> records = index.read();
    List<String> keys = keys(records, source);
    if (keys.isEmpty()) {
      throw new ContainerException(Kind.NOT_FOUND, "no such image: " + source);
    }
    ImageRecord r = records.get(keys.get(0));
    index.update(map -> map.put(target, r));
  }

  /** Created time, platform and repo digests from the config blob and the index. */
  Optional<ImageDescription> describe(String reference) {
    Map<String, ImageRecord> records = index.read();
    List<String> keys = keys(records, reference);
    if (keys.isEmpty()) {
      return Optional.empty();
    }
    ImageRecord r = records.get(keys.get(0));
    return handle(keys.get(0), r)
        .map(
            h -> {
              JsonNode config = configJson(Digest.parse(r.config()));
              Instant created = null;
              try {
                created =
                    config.hasNonNull("created")
                        ? Instant.parse(config.get("created").asText())
                        : null;
              } catch (DateTimeParseException e) {
                // an odd timestamp shows as unknown
              }
              List<String> repoDigests = new ArrayList<>();
              records.forEach(
                  (k, rec) -> {
                    if (rec.config().equals(r.config()) && !k.startsWith("sha256:")) {
                      String digest =
                          ImageReference.parse(k).familiarRepository() + "@" + rec.digest();
                      if (!repoDigests.contains(digest)) {
                        repoDigests.add(digest);
                      }
                    }
                  });
              List<String> diffIds =
                  ConfigBlob.parse(content.read(Digest.parse(r.config()))).diffIds().stream()
                      .map(Digest::toString)
                      .toList();
              return new ImageDescription(
                  h,
                  created,
                  config.path("architecture").asText(""),
                  config.path("os").asText(""),
                  List.copyOf(repoDigests),
                  diffIds);
            });
  }

  private JsonNode configJson(Digest digest) {
    try {
      return Json.parse(content.read(digest));
    } catch (JsonException e) {
      throw new ContainerException(
          Kind.INVALID, "malformed image config " + digest + ": " + e.getMessage(), e);
    }
  }

  /** The image's layers bottom first, each with the blob its manifest lists. */
  List<Layer> layers(ImageHandle image) {
    ImageRecord record = record(image);
    ImageManifest manifest = ImageManifest.parse(content.read(Digest.parse(record.manifest())));
    List<Digest> diffIds = ConfigBlob.parse(content.read(Digest.parse(record.config()))).diffIds();
    if (diffIds.size() != manifest.layers().size()) {
      throw new ContainerException(
          Kind.INVALID,
          image.reference() + ": manifest and config disagree on the number of layers");
    }
    List<Layer> out = new ArrayList<>();
    for (int i = 0; i < diffIds.size(); i++) {
      Descriptor d = manifest.layers().get(i);
      out.add(
          new Layer(
              diffIds.get(i).toString(),
              d.digest().toString(),
              d.size(),
              d.mediaType(),
              layers.dir(diffIds.get(i)),
              layers.size(diffIds.get(i))));
    }
    return out;
  }

  byte[] config(ImageHandle image) {
    return content.read(Digest.parse(image.imageId()));
  }

  private ImageRecord record(ImageHandle image) {
    Map<String, ImageRecord> records = index.read();
    ImageRecord r = records.get(image.reference());
    if (r != null && r.config().equals(image.imageId())) {
      return r;
    }
    return records.values().stream()
        .filter(x -> x.config().equals(image.imageId()))
        .findFirst()
        .orElseThrow(
            () -> new ContainerException(Kind.NOT_FOUND, "no such image: " + image.reference()));
  }

  void remove(String reference) {
    Map<String, ImageRecord> before = index.read();
    List<String> keys = keys(before, reference);
    if (keys.isEmpty()) {
      throw new ContainerException(Kind.NOT_FOUND, "no such image: " + reference);
    }
    List<ImageRecord> removed = new ArrayList<>();
    index.update(
        map ->
            keys.forEach(
                k -> {
                  ImageRecord r = map.remove(k);
                  if (r != null) {
                    removed.add(r);
                  }
                }));
    collect(removed);
  }

  private List<String> keys(Map<String, ImageRecord> records, String reference) {
    if (ID.matcher(reference).matches()) {
      String hex = reference.replace("sha256:", "");
      List<String> byId =
          records.entrySet().stream()
              .filter(e -> e.getValue().config().startsWith("sha256:" + hex))
              .map(Map.Entry::getKey)
              .toList();
      if (!byId.isEmpty()) {
        return byId;
      }
    }
    String key = ImageReference.parse(reference).toString();
    return records.containsKey(key) ? List.of(key) : List.of();
  }

  private Optional<ImageHandle> handle(String key, ImageRecord record) {
    Optional<byte[]> configBlob = content.readVerified(Digest.parse(record.config()));
    if (configBlob.isEmpty()) {
      return Optional.empty(); // missing or damaged: the image is absent, and a pull restores it
    }
    ConfigBlob config = ConfigBlob.parse(configBlob.get());
    List<Path> dirs = new ArrayList<>();
    for (Digest diffId : config.diffIds()) {
      if (!layers.has(diffId)) {
        return Optional.empty();
      }
      dirs.add(layers.dir(diffId));
    }
    return Optional.of(
        new ImageHandle(
            key,
            record.digest(),
            record.config(),
            List.copyOf(dirs),
            config.config(),
            record.size()));
  }

  // Mark what the remaining references use, then sweep what the removed ones used.
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  private void collect(List<ImageRecord> removed) {
    Set<Digest> liveBlobs = new HashSet<>();
    Set<Digest> liveLayers = new HashSet<>();
    index.read().values().forEach(r -> mark(r, liveBlobs, liveLayers));
    Set<Digest> deadBlobs = new HashSet<>();
    Set<Digest> deadLayers = new HashSet<>();
    removed.forEach(r -> mark(r, deadBlobs, deadLayers));
    deadBlobs.removeAll(liveBlobs);
    deadLayers.removeAll(liveLayers);
    for (Digest diffId : deadLayers) {
      try (FileLocks.Held lease = locks.acquire("layer-" + diffId.hex())) {
        layers.delete(diffId);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete layer " + diffId, e);
      }
    }
    deadBlobs.forEach(content::delete);
  }

  private void mark(ImageRecord record, Set<Digest> blobs, Set<Digest> layerIds) {
    blobs.add(Digest.parse(record.digest()));
    Digest manifest = Digest.parse(record.manifest());
    blobs.add(manifest);
    Digest config = Digest.parse(record.config());
    blobs.add(config);
    content
        .readVerified(manifest)
        .ifPresent(
            m ->
                ImageManifest.parse(m).layers().stream()
                    .map(Descriptor::digest)
                    .forEach(blobs::add));
    content.readVerified(config).ifPresent(c -> layerIds.addAll(ConfigBlob.parse(c).diffIds()));
  }
}
