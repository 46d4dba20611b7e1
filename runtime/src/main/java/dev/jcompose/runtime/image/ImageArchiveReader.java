package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService.PullProgress;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.Ingest;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.ImageManifest;
import dev.jcompose.runtime.image.registry.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * {@code image load}: a docker-archive ({@code manifest.json} naming a config file and layer tars
 * per image, as {@code docker save} and skopeo's docker-archive: write) or an OCI image layout
 * ({@code index.json} and {@code blobs/}, skopeo's oci-archive:). The tarball is first unpacked
 * into a scratch folder of the store, regular files only, names checked (no absolute names, no
 * {@code ..}); symlinks, which older docker saves use for repeated layers, are kept as aliases
 * inside the archive. Every blob goes into the content store through {@link Ingest} (verified
 * against its digest), every layer is unpacked like a pulled one and checked against the config's
 * diffIDs; only then is the reference recorded.
 */
final class ImageArchiveReader {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._+:@-]+(/[A-Za-z0-9._+:@-]+)*/?");
  private static final String CONFIG = "application/vnd.oci.image.config.v1+json";

  private final ContentStore content;
  private final LayerFetcher layers;
  private final ImageIndex index;
  private final Map<String, String> aliases = new HashMap<>();
  private Path scratch;

  ImageArchiveReader(ContentStore content, LayerFetcher layers, ImageIndex index) {
    this.content = content;
    this.layers = layers;
    this.index = index;
  }

  List<String> load(InputStream in, PullProgress progress) throws IOException {
    scratch = Files.createDirectories(content.scratch().newPath("load"));
    try {
      unpack(in);
      if (Files.isRegularFile(scratch.resolve("manifest.json"))) {
        return dockerArchive(progress);
      }
      if (Files.isRegularFile(scratch.resolve("index.json"))) {
        return ociLayout(progress);
      }
      throw new ContainerException(
          Kind.INVALID, "not an image archive: it has neither manifest.json nor index.json");
    } finally {
      Trees.deleteRecursively(scratch);
    }
  }

  private void unpack(InputStream in) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(in);
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String name = clean(e.getName());
      if (e.isDirectory() || name.isEmpty()) {
        continue;
      }
      if (e.isSymbolicLink()) {
        Path target = Path.of(name).resolveSibling(e.getLinkName()).normalize();
        aliases.put(name, clean(target.toString()));
      } else if (e.isFile()) {
        Path file = scratch.resolve(name);
        Files.createDirectories(file.getParent());
        Files.copy(tar, file);
      }
    }
  }

  /** A safe relative name: "./x" is "x"; absolute names and ".." are refused. */
  private static String clean(String name) {
    String n = name.startsWith("./") ? name.substring(2) : name;
    if (n.isEmpty()) {
      return n;
    }
    if (n.startsWith("/")
        || !NAME.matcher(n).matches()
        || List.of(n.split("/", -1)).contains("..")) {
      throw new ContainerException(Kind.INVALID, "refusing image archive entry '" + name + "'");
    }
    return n.endsWith("/") ? n.substring(0, n.length() - 1) : n;
  }

  private Path file(String name) {
    String n = clean(name);
    for (int i = 0; i < 8 && aliases.containsKey(n); i++) {
      n = aliases.get(n);
    }
    Path p = scratch.resolve(n);
    if (!Files.isRegularFile(p)) {
      throw new ContainerException(Kind.INVALID, "image archive has no file " + name);
    }
    return p;
  }

  private List<String> dockerArchive(PullProgress progress) throws IOException {
    List<String> loaded = new ArrayList<>();
    for (JsonNode image : Json.parse(file("manifest.json"))) {
      byte[] config = Files.readAllBytes(file(image.path("Config").asText()));
      Digest configDigest = Digest.of(config);
      ConfigBlob parsed = ConfigBlob.parse(config);
      JsonNode paths = image.path("Layers");
      if (paths.size() != parsed.diffIds().size()) {
        throw new ContainerException(
            Kind.INVALID,
            "image "
                + configDigest.shortHex()
                + ": manifest.json lists "
                + paths.size()
                + " layers but its config has "
                + parsed.diffIds().size());
      }
      content.write(configDigest, config);
      List<Object> descriptors = new ArrayList<>();
      long size = 0;
      for (int i = 0; i < paths.size(); i++) {
        Path layer = file(paths.path(i).asText());
        Descriptor d = storeBlob(layer, layerType(layer));
        size += layers.fetch(null, d, parsed.diffIds().get(i), phase(progress, configDigest, d));
        descriptors.add(descriptor(d.mediaType(), d.digest().toString(), d.size()));
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("schemaVersion", 2);
      manifest.put("mediaType", MediaTypes.OCI_MANIFEST);
      manifest.put("config", descriptor(CONFIG, configDigest.toString(), config.length));
      manifest.put("layers", descriptors);
      byte[] manifestBytes = Json.bytes(manifest);
      Digest manifestDigest = Digest.of(manifestBytes);
      content.write(manifestDigest, manifestBytes);
      List<String> names = new ArrayList<>();
      image.path("RepoTags").forEach(t -> names.add(t.asText()));
      loaded.addAll(record(names, manifestDigest, manifestDigest, configDigest, size));
    }
    return loaded;
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  private List<String> ociLayout(PullProgress progress) throws IOException {
    List<String> loaded = new ArrayList<>();
    for (JsonNode m : Json.parse(file("index.json")).path("manifests")) {
      Descriptor desc =
          new Descriptor(
              m.path("mediaType").asText(""),
              Digest.parse(m.path("digest").asText()),
              m.path("size").asLong(-1));
      JsonNode annotations = m.path("annotations");
      String name =
          annotations
              .path("io.containerd.image.name")
              .asText(annotations.path("org.opencontainers.image.ref.name").asText(""));
      Digest manifestDigest = verified(desc.digest());
      byte[] bytes = content.read(manifestDigest);
      if (MediaTypes.isIndex(desc.mediaType()) || Json.parse(bytes).has("manifests")) {
        throw new ContainerException(
            Kind.INVALID,
            "image "
                + (name.isEmpty() ? desc.digest() : name)
                + " is a multi-platform index: save one platform (skopeo --override-arch) to load it");
      }
      ImageManifest manifest = ImageManifest.parse(bytes);
      Digest configDigest = verified(manifest.config().digest());
      ConfigBlob parsed = ConfigBlob.parse(content.read(configDigest));
      if (parsed.diffIds().size() != manifest.layers().size()) {
        throw new ContainerException(
            Kind.INVALID,
            "image "
                + configDigest.shortHex()
                + ": the manifest lists "
                + manifest.layers().size()
                + " layers but its config has "
                + parsed.diffIds().size());
      }
      long size = 0;
      for (int i = 0; i < manifest.layers().size(); i++) {
        Descriptor layer = manifest.layers().get(i);
        verified(layer.digest());
        size +=
            layers.fetch(
                null, layer, parsed.diffIds().get(i), phase(progress, configDigest, layer));
      }
      loaded.addAll(
          record(
              name.isEmpty() ? List.of() : List.of(name),
              manifestDigest,
              manifestDigest,
              configDigest,
              size));
    }
    return loaded;
  }

  /**
   * The blob {@code blobs/sha256/<hex>} of the layout, stored in the content store (digest
   * checked).
   */
  private Digest verified(Digest digest) throws IOException {
    if (!content.has(digest)) {
      storeBlob(file("blobs/sha256/" + digest.hex()), "", digest);
    }
    return digest;
  }

  private Descriptor storeBlob(Path file, String mediaType) throws IOException {
    MessageDigest sha = Digest.newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return storeBlob(file, mediaType, Digest.fromHash(sha.digest()));
  }

  private Descriptor storeBlob(Path file, String mediaType, Digest digest) throws IOException {
    long size = Files.size(file);
    if (!content.has(digest)) {
      try (Ingest ingest = content.begin(digest, size)) {
        Files.copy(file, ingest.output());
        ingest.commit();
      }
    }
    return new Descriptor(mediaType, digest, size);
  }

  /** The media type of a docker-archive layer file by its magic bytes (plain, gzip or zstd tar). */
  private static String layerType(Path layer) throws IOException {
    byte[] magic;
    try (InputStream in = Files.newInputStream(layer)) {
      magic = in.readNBytes(4);
    }
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      return "application/vnd.oci.image.layer.v1.tar+gzip";
    }
    if (magic.length == 4 && (magic[0] & 0xff) == 0x28 && (magic[1] & 0xff) == 0xb5) {
      return "application/vnd.oci.image.layer.v1.tar+zstd";
    }
    return "application/vnd.oci.image.layer.v1.tar";
  }

  private static LayerFetcher.Progress phase(
      PullProgress progress, Digest image, Descriptor layer) {
    return (phase, current, total) ->
        progress.update(
            image.toString(),
            layer.digest().toString(),
            phase.equals("Pull complete") ? "Loading layer" : phase,
            current,
            total);
  }

  /** Points each name at the image; an image without a name is kept under its id. */
  private List<String> record(
      List<String> names, Digest digest, Digest manifest, Digest config, long size) {
    List<String> keys = new ArrayList<>();
    for (String n : names) {
      keys.add(ImageReference.parse(n).toString());
    }
    if (keys.isEmpty()) {
      keys.add(config.toString());
    }
    ImageRecord record =
        new ImageRecord(
            digest.toString(),
            manifest.toString(),
            config.toString(),
            size,
            Instant.now().toString());
    index.update(map -> keys.forEach(k -> map.put(k, record)));
    return keys;
  }
}
