package dev.jcompose.runtime.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageCommit;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.Ingest;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code commit}: the base image's config with the new layer's diffID appended, a history entry,
 * and the {@code --change} instructions applied; the layer stored as an uncompressed tar blob and
 * unpacked like a pulled one; an OCI manifest over them; the reference (or the id) recorded.
 */
final class ImageCommitter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ContentStore content;
  private final LayerFetcher layers;
  private final ImageIndex index;

  ImageCommitter(ContentStore content, LayerFetcher layers, ImageIndex index) {
    this.content = content;
    this.layers = layers;
    this.index = index;
  }

  String commit(ImageCommit c) throws IOException {
    MessageDigest sha = Digest.newSha256();
    try (InputStream in = new DigestInputStream(Files.newInputStream(c.layer()), sha)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    Digest diffId = Digest.fromHash(sha.digest());
    long size = Files.size(c.layer());
    if (!content.has(diffId)) {
      try (Ingest ingest = content.begin(diffId, size)) {
        Files.copy(c.layer(), ingest.output());
        ingest.commit();
      }
    }
    Descriptor layer = new Descriptor("application/vnd.oci.image.layer.v1.tar", diffId, size);
    layers.fetch(null, layer, diffId, (phase, cur, total) -> {});
    ObjectNode config = (ObjectNode) JSON.readTree(content.read(Digest.parse(c.base().imageId())));
    String now = Instant.now().toString();
    config.put("created", now);
    if (c.author() != null) {
      config.put("author", c.author());
    }
    config.withObjectProperty("rootfs").withArrayProperty("diff_ids").add(diffId.toString());
    ObjectNode history =
        config
            .withArray("history")
            .addObject()
            .put("created", now)
            .put("created_by", "jcompose commit");
    if (c.comment() != null) {
      history.put("comment", c.comment());
    }
    ObjectNode runConfig = config.withObjectProperty("config");
    for (String change : c.changes()) {
      apply(runConfig, change);
    }
    byte[] configBytes = JSON.writeValueAsBytes(config);
    Digest configDigest = Digest.of(configBytes);
    content.write(configDigest, configBytes);
    ObjectNode manifest =
        JSON.createObjectNode().put("schemaVersion", 2).put("mediaType", MediaTypes.OCI_MANIFEST);
    manifest.set(
        "config",
        JSON.createObjectNode()
            .put("mediaType", "application/vnd.oci.image.config.v1+json")
            .put("digest", configDigest.toString())
            .put("size", configBytes.length));
    ArrayNode list = manifest.putArray("layers");
    for (var l : ImageManifestLayers.of(content, index, c.base())) {
      list.add(l);
    }
    list.addObject()
        .put("mediaType", layer.mediaType())
        .put("digest", diffId.toString())
        .put("size", size);
    byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
    Digest manifestDigest = Digest.of(manifestBytes);
    content.write(manifestDigest, manifestBytes);
    String key =
        c.reference() == null
            ? configDigest.toString()
            : ImageReference.parse(c.reference()).toString();
    long total = c.base().sizeBytes() + size;
    ImageRecord record =
        new ImageRecord(
            manifestDigest.toString(),
            manifestDigest.toString(),
            configDigest.toString(),
            total,
            now);
    index.update(map -> map.put(key, record));
    return key;
  }

  /** One Dockerfile instruction of {@code --change} on the config object. */
  static void apply(ObjectNode config, String change) {
    String trimmed = change.trim();
    int space = trimmed.indexOf(' ');
    String word = (space < 0 ? trimmed : trimmed.substring(0, space)).toUpperCase(Locale.ROOT);
    String arg = space < 0 ? "" : trimmed.substring(space + 1).trim();
    switch (word) {
      case "CMD" -> config.set("Cmd", command(arg));
      case "ENTRYPOINT" -> config.set("Entrypoint", command(arg));
      case "WORKDIR" -> config.put("WorkingDir", arg);
      case "USER" -> config.put("User", arg);
      case "STOPSIGNAL" -> config.put("StopSignal", arg);
      case "EXPOSE" ->
          config
              .withObjectProperty("ExposedPorts")
              .set(arg.contains("/") ? arg : arg + "/tcp", JSON.createObjectNode());
      case "VOLUME" -> config.withObjectProperty("Volumes").set(arg, JSON.createObjectNode());
      case "ENV" -> env(config, arg);
      case "LABEL" -> {
        String[] kv = arg.split("=", 2);
        config
            .withObjectProperty("Labels")
            .put(unquote(kv[0]), kv.length > 1 ? unquote(kv[1]) : "");
      }
      default ->
          throw new ContainerException(
              Kind.INVALID,
              "--change: unsupported instruction \""
                  + word
                  + "\" (CMD, ENTRYPOINT, ENV, "
                  + "LABEL, WORKDIR, USER, EXPOSE, VOLUME, STOPSIGNAL)");
    }
  }

  private static void env(ObjectNode config, String arg) {
    String[] kv = arg.contains("=") ? arg.split("=", 2) : arg.split("\\s+", 2);
    String key = kv[0];
    String entry = key + "=" + (kv.length > 1 ? unquote(kv[1]) : "");
    ArrayNode env = config.withArray("Env");
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).asText().startsWith(key + "=")) {
        env.set(i, JSON.getNodeFactory().textNode(entry));
        return;
      }
    }
    env.add(entry);
  }

  /** JSON form as written, shell form as {@code /bin/sh -c ...} (Dockerfile reference). */
  private static JsonNode command(String arg) {
    if (arg.startsWith("[")) {
      try {
        return JSON.readTree(arg);
      } catch (IOException e) {
        throw new ContainerException(Kind.INVALID, "--change: invalid JSON array " + arg);
      }
    }
    return JSON.valueToTree(List.of("/bin/sh", "-c", arg));
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
