package dev.jcompose.runtime.image;

import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageStore.Layer;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.KeyedLock;
import dev.jcompose.runtime.image.pack.LayerPacker;
import dev.jcompose.runtime.image.registry.MediaTypes;
import dev.jcompose.runtime.image.unpack.LayerUnpacker;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Stores what this host makes (build steps, {@code commit}): layer directories packed once into
 * tar+gzip blobs (both digests computed in the same pass), then OCI manifests and index entries for
 * images of such layers. The one way an image made here reaches the store. {@code
 * <images>/layer-blobs/<diffID hex>} remembers which blob a local layer was packed to.
 */
final class ImageWriter {
  static final String LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
  static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  private static final String DOCKER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
  private final Path images;
  private final ContentStore content;
  private final LayerStore layers;
  private final ImageIndex index;
  private final KeyedLock locks;
  private final NativeOps ops;

  ImageWriter(
      Path images,
      ContentStore content,
      LayerStore layers,
      ImageIndex index,
      KeyedLock locks,
      NativeOps ops) {
    this.images = images;
    this.content = content;
    this.layers = layers;
    this.index = index;
    this.locks = locks;
    this.ops = ops;
  }

  Path newLayerDir() {
    try {
      return layers.newTempDir();
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot make a layer directory: " + e.getMessage(), e);
    }
  }

  @SuppressWarnings("try") // the resource is a lock held for the block, not used in it
  Layer commit(Path dir) {
    try {
      Path temp = content.scratch().newPath("layer");
      MessageDigest diff = Digest.newSha256();
      MessageDigest blob = Digest.newSha256();
      long size;
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
          DigestOutputStream blobOut = new DigestOutputStream(file, blob);
          GZIPOutputStream gzip = new FastGzip(blobOut);
          DigestOutputStream tar = new DigestOutputStream(gzip, diff)) {
        size = new LayerPacker(ops).pack(dir, tar);
      }
      Digest diffId = Digest.fromHash(diff.digest());
      Digest digest = Digest.fromHash(blob.digest());
      long blobSize = Files.size(temp);
      content.publishComputed(temp, digest);
      try (FileLocks.Held lease = locks.acquire("layer-" + diffId.hex())) {
        if (layers.has(diffId)) {
          Trees.deleteRecursively(dir);
        } else {
          layers.commit(dir, diffId, size);
        }
        Files.createDirectories(blobFile(diffId).getParent());
        Files.writeString(
            blobFile(diffId),
            digest + " " + blobSize + " " + LAYER_GZIP,
            StandardCharsets.US_ASCII);
      }
      return new Layer(
          diffId.toString(),
          digest.toString(),
          blobSize,
          LAYER_GZIP,
          layers.dir(diffId),
          layers.size(diffId));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot store layer " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A layer from an uncompressed OCI layer tar ({@code .wh.} whiteouts), as {@code commit} exports
   * a container's changes: unpacked into a new layer directory the way pulled layers are, then
   * stored like every layer made on this host ({@link #commit(Path)}).
   */
  Layer commit(InputStream tar) {
    Path dir = newLayerDir();
    try {
      new LayerUnpacker(ops, ops.canChown(), dir).unpack(tar);
    } catch (IOException e) {
      try {
        Trees.deleteRecursively(ops, dir);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new ContainerException(Kind.INVALID, "cannot read the layer: " + e.getMessage(), e);
    }
    return commit(dir);
  }

  Optional<Layer> layer(String diffIdText) {
    Digest diffId = Digest.parse(diffIdText);
    try {
      if (!layers.has(diffId) || !Files.isRegularFile(blobFile(diffId))) {
        return Optional.empty();
      }
      String[] f = Files.readString(blobFile(diffId)).trim().split(" ", -1);
      Digest digest = Digest.parse(f[0]);
      if (!content.has(digest)) {
        return Optional.empty();
      }
      return Optional.of(
          new Layer(
              diffId.toString(),
              f[0],
              Long.parseLong(f[1]),
              f[2],
              layers.dir(diffId),
              layers.size(diffId)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private Path blobFile(Digest diffId) {
    return images.resolve("layer-blobs").resolve(diffId.hex());
  }

  String store(String reference, byte[] config, List<Layer> parts) {
    checkDiffIds(config, parts);
    Digest configDigest = Digest.of(config);
    if (!content.has(configDigest)) {
      content.write(configDigest, config);
    }
    byte[] manifest = manifest(configDigest, config.length, parts);
    Digest manifestDigest = Digest.of(manifest);
    if (!content.has(manifestDigest)) {
      content.write(manifestDigest, manifest);
    }
    long size = parts.stream().mapToLong(Layer::size).sum();
    // without a reference the image is known by its id only (docker commit without a name)
    String key =
        reference == null ? configDigest.toString() : ImageReference.parse(reference).toString();
    ImageRecord known = index.read().get(key);
    if (known != null
        && known.manifest().equals(manifestDigest.toString())
        && known.config().equals(configDigest.toString())) {
      return key; // an unchanged rebuild: nothing to write
    }
    ImageRecord record =
        new ImageRecord(
            manifestDigest.toString(),
            manifestDigest.toString(),
            configDigest.toString(),
            size,
            Instant.now().toString());
    index.update(map -> map.put(key, record));
    return key;
  }

  private static void checkDiffIds(byte[] config, List<Layer> parts) {
    JsonNode ids;
    try {
      ids = Json.parse(config).path("rootfs").path("diff_ids");
    } catch (JsonException e) {
      throw new ContainerException(Kind.INVALID, "malformed image config: " + e.getMessage(), e);
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode n : ids) {
      expected.add(n.asText());
    }
    List<String> actual = parts.stream().map(Layer::diffId).toList();
    if (!expected.equals(actual)) {
      throw new ContainerException(
          Kind.INVALID,
          "image config lists diff_ids " + expected + " but the layers are " + actual);
    }
  }

  // An OCI manifest; pulled Docker-typed gzip layers are the same bytes under the OCI type.
  private static byte[] manifest(Digest config, long configSize, List<Layer> parts) {
    List<Map<String, Object>> layers = new ArrayList<>();
    for (Layer l : parts) {
      layers.add(
          descriptor(
              DOCKER_GZIP.equals(l.mediaType()) ? LAYER_GZIP : l.mediaType(),
              l.digest(),
              l.blobSize()));
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schemaVersion", 2);
    m.put("mediaType", MediaTypes.OCI_MANIFEST);
    m.put("config", descriptor(CONFIG, config.toString(), configSize));
    m.put("layers", layers);
    return Json.bytes(m);
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  /**
   * gzip at level 1: layers are packed on every changed build step, where time matters more than
   * bytes.
   */
  private static final class FastGzip extends GZIPOutputStream {
    FastGzip(OutputStream out) throws IOException {
      super(out, 1 << 16);
      def.setLevel(Deflater.BEST_SPEED);
    }
  }
}
