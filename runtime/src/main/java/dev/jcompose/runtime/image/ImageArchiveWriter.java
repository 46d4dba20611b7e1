package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.ImageManifest;
import dev.jcompose.runtime.image.unpack.Decompression;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * {@code image save}: the layout Docker 25+ writes, which both {@code docker load} and OCI tools
 * (skopeo's docker-archive: and oci-archive:) read. An OCI image layout (image-spec
 * image-layout.md: {@code oci-layout}, {@code index.json}, {@code blobs/sha256/}) whose manifests
 * list the layers as uncompressed tars (digest = diffID), plus docker's {@code manifest.json}
 * pointing at the same blobs. A layer is decompressed into a temp file first: a tar entry needs its
 * size before its bytes.
 */
final class ImageArchiveWriter {
  private static final String LAYER_TAR = "application/vnd.oci.image.layer.v1.tar";
  private static final String CONFIG = "application/vnd.oci.image.config.v1+json";

  private final ContentStore content;
  private final ImageIndex index;
  private final TarArchiveOutputStream tar;
  private final Set<String> written = new LinkedHashSet<>();
  private final List<Object> manifests = new ArrayList<>();
  private final List<Object> dockerManifest = new ArrayList<>();

  ImageArchiveWriter(ContentStore content, ImageIndex index, OutputStream out) {
    this.content = content;
    this.index = index;
    this.tar = new TarArchiveOutputStream(out);
    this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void write(List<String> references) throws IOException {
    for (String dir : List.of("blobs/", "blobs/sha256/")) {
      TarArchiveEntry e = new TarArchiveEntry(dir);
      e.setMode(0755);
      e.setModTime(0);
      tar.putArchiveEntry(e);
      tar.closeArchiveEntry();
    }
    Map<String, ImageRecord> records = index.read();
    for (String reference : references) {
      String key = ImageReference.parse(reference).toString();
      ImageRecord record = records.get(key);
      if (record == null) {
        throw new ContainerException(Kind.NOT_FOUND, "no such image: " + reference);
      }
      image(key, record);
    }
    file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}".getBytes(StandardCharsets.UTF_8));
    Map<String, Object> idx = new LinkedHashMap<>();
    idx.put("schemaVersion", 2);
    idx.put("mediaType", "application/vnd.oci.image.index.v1+json");
    idx.put("manifests", manifests);
    file("index.json", Json.bytes(idx));
    file("manifest.json", Json.bytes(dockerManifest));
    tar.finish();
    tar.flush();
  }

  private void image(String key, ImageRecord record) throws IOException {
    Digest configDigest = Digest.parse(record.config());
    byte[] config = content.read(configDigest);
    ConfigBlob parsed = ConfigBlob.parse(config);
    List<Descriptor> stored =
        ImageManifest.parse(content.read(Digest.parse(record.manifest()))).layers();
    blob(configDigest, config);
    List<Object> layers = new ArrayList<>();
    List<Object> layerPaths = new ArrayList<>();
    for (int i = 0; i < parsed.diffIds().size(); i++) {
      Digest diffId = parsed.diffIds().get(i);
      long size = layer(stored.get(i).digest(), diffId);
      layers.add(descriptor(LAYER_TAR, diffId.toString(), size));
      layerPaths.add(path(diffId));
    }
    Map<String, Object> manifest = new LinkedHashMap<>();
    manifest.put("schemaVersion", 2);
    manifest.put("mediaType", "application/vnd.oci.image.manifest.v1+json");
    manifest.put("config", descriptor(CONFIG, configDigest.toString(), config.length));
    manifest.put("layers", layers);
    byte[] manifestBytes = Json.bytes(manifest);
    Digest manifestDigest = Digest.of(manifestBytes);
    blob(manifestDigest, manifestBytes);
    ImageReference ref = ImageReference.parse(key);
    Map<String, Object> desc =
        descriptor(
            "application/vnd.oci.image.manifest.v1+json",
            manifestDigest.toString(),
            manifestBytes.length);
    Map<String, Object> annotations = new LinkedHashMap<>();
    annotations.put("io.containerd.image.name", key);
    annotations.put("org.opencontainers.image.ref.name", ref.tag() == null ? "latest" : ref.tag());
    desc.put("annotations", annotations);
    manifests.add(desc);
    Map<String, Object> docker = new LinkedHashMap<>();
    docker.put("Config", path(configDigest));
    docker.put(
        "RepoTags",
        List.of(ref.familiarRepository() + ":" + (ref.tag() == null ? "latest" : ref.tag())));
    docker.put("Layers", layerPaths);
    dockerManifest.add(docker);
  }

  private static Map<String, Object> descriptor(String mediaType, String digest, long size) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("mediaType", mediaType);
    d.put("digest", digest);
    d.put("size", size);
    return d;
  }

  /** The layer as an uncompressed tar blob; returns its size. Checked against its diffID. */
  private long layer(Digest blob, Digest diffId) throws IOException {
    Path temp = content.scratch().newPath("save");
    try {
      MessageDigest sha = Digest.newSha256();
      try (InputStream in = Decompression.open(Files.newInputStream(content.path(blob)));
          OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
        in.transferTo(out);
      }
      if (!Digest.fromHash(sha.digest()).equals(diffId)) {
        throw new ContainerException(
            Kind.INVALID,
            "stored layer " + blob.shortHex() + " does not match its diffID " + diffId);
      }
      long size = Files.size(temp);
      if (written.add(diffId.hex())) {
        TarArchiveEntry e = entry(path(diffId), size);
        tar.putArchiveEntry(e);
        Files.copy(temp, tar);
        tar.closeArchiveEntry();
      }
      return size;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private void blob(Digest digest, byte[] bytes) throws IOException {
    if (written.add(digest.hex())) {
      file(path(digest), bytes);
    }
  }

  private void file(String name, byte[] bytes) throws IOException {
    tar.putArchiveEntry(entry(name, bytes.length));
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry entry(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(size);
    e.setMode(0644);
    e.setModTime(0);
    return e;
  }

  private static String path(Digest d) {
    return "blobs/sha256/" + d.hex();
  }
}
