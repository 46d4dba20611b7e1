package dev.jcompose.runtime.image;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService.PullProgress;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.DockerCredentials;
import dev.jcompose.runtime.image.registry.ImageManifest;
import dev.jcompose.runtime.image.registry.ManifestSelector;
import dev.jcompose.runtime.image.registry.MediaTypes;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.image.registry.RegistryClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One pull: resolve the reference on the first endpoint that has it, choose the platform manifest,
 * store manifest and config blobs, fetch the layers in parallel, then record the reference in the
 * index. Stateless apart from its collaborators; safe to run concurrently.
 */
final class Puller {
  // Configs are a few KiB and are read into memory: the bound (twice docker's 4 MiB manifest cap)
  // keeps a registry from making us buffer whatever it sends
  private static final int MAX_CONFIG_BYTES = 8 << 20;
  private final Supplier<HttpClient> http;
  private final RegistryConfig config;
  private final EndpointResolver endpoints;
  private final ContentStore content;
  private final LayerFetcher layers;
  private final ImageIndex index;
  private final Platform platform;

  Puller(
      Supplier<HttpClient> http,
      RegistryConfig config,
      ContentStore content,
      LayerFetcher layers,
      ImageIndex index,
      Platform platform) {
    this.http = http;
    this.config = config;
    this.endpoints = new EndpointResolver(config);
    this.content = content;
    this.layers = layers;
    this.index = index;
    this.platform = platform;
  }

  private record Resolved(
      RegistryClient client, Digest digest, Digest manifestDigest, ImageManifest manifest) {}

  ImageRecord pull(ImageReference ref, PullProgress progress) {
    progress.update(ref.toString(), null, "Resolving", 0, 0);
    Resolved resolved = resolve(ref);
    Descriptor configDesc = resolved.manifest().config();
    ConfigBlob image = ConfigBlob.parse(fetchConfig(resolved.client(), configDesc));
    List<Descriptor> blobs = resolved.manifest().layers();
    if (image.diffIds().size() != blobs.size()) {
      throw new ContainerException(
          Kind.INVALID,
          ref
              + ": manifest lists "
              + blobs.size()
              + " layers but the config has "
              + image.diffIds().size()
              + " diff_ids");
    }
    long size =
        new ParallelLayers(config.parallelDownloads())
            .run(
                blobs.size(),
                i ->
                    layers.fetch(
                        resolved.client(),
                        blobs.get(i),
                        image.diffIds().get(i),
                        (phase, current, total) ->
                            progress.update(
                                ref.toString(),
                                blobs.get(i).digest().toString(),
                                phase,
                                current,
                                total)));
    ImageRecord record =
        new ImageRecord(
            resolved.digest().toString(),
            resolved.manifestDigest().toString(),
            configDesc.digest().toString(),
            size,
            Instant.now().toString());
    index.update(map -> map.put(ref.toString(), record));
    progress.update(ref.toString(), null, "Pulled " + resolved.digest(), size, size);
    return record;
  }

  private Resolved resolve(ImageReference ref) {
    List<String> failures = new ArrayList<>();
    boolean allNotFound = true;
    for (RegistryEndpoint endpoint : endpoints.endpoints(ref)) {
      RegistryClient client = client(endpoint, ref);
      try {
        return resolveOn(client, ref);
      } catch (ContainerException e) {
        if (e.kind() == Kind.INVALID) {
          throw new ContainerException(
              e.kind(), ref + " from " + endpoint.describe() + ": " + e.getMessage(), e);
        }
        allNotFound &= e.kind() == Kind.NOT_FOUND;
        failures.add(endpoint.describe() + ": " + e.getMessage());
      }
    }
    throw new ContainerException(
        allNotFound ? Kind.NOT_FOUND : Kind.UNAVAILABLE,
        "cannot pull " + ref + ": " + String.join("; ", failures));
  }

  private RegistryClient client(RegistryEndpoint endpoint, ImageReference ref) {
    String basic =
        DockerCredentials.load(config.dockerConfig())
            .basicFor(endpoint.credentialsHost())
            .orElse(null);
    return new RegistryClient(
        http.get(), endpoint.base(), ref.path(), basic, config.requestTimeout());
  }

  private Resolved resolveOn(RegistryClient client, ImageReference ref) {
    RegistryClient.Fetched top = client.manifest(ref.manifestReference());
    Digest topDigest = Digest.of(top.body());
    if (ref.digest() != null && !ref.digest().equals(topDigest.toString())) {
      throw new ContainerException(
          Kind.INVALID,
          "manifest has digest '"
              + topDigest
              + "' but the reference asked for '"
              + ref.digest()
              + "'");
    }
    content.write(topDigest, top.body());
    if (!MediaTypes.isIndex(top.mediaType())) {
      return new Resolved(client, topDigest, topDigest, ImageManifest.parse(top.body()));
    }
    Descriptor chosen = new ManifestSelector(platform).select(top.body());
    byte[] body = client.manifest(chosen.digest().toString()).body();
    content.write(
        chosen.digest(), chosen.size(), body); // verifies the digest and size the index promised
    return new Resolved(client, topDigest, chosen.digest(), ImageManifest.parse(body));
  }

  /**
   * The config blob: the stored one if it still verifies, else downloaded within its bound and
   * verified.
   */
  private byte[] fetchConfig(RegistryClient client, Descriptor desc) {
    Optional<byte[]> stored = content.readVerified(desc.digest());
    if (stored.isPresent()) {
      return stored.get();
    }
    if (desc.size() > MAX_CONFIG_BYTES) {
      throw new ContainerException(
          Kind.INVALID,
          "image config "
              + desc.digest()
              + " of "
              + desc.size()
              + " bytes is larger than "
              + MAX_CONFIG_BYTES
              + ": refused");
    }
    try (InputStream in = client.blob(desc.digest())) {
      byte[] body = in.readNBytes(MAX_CONFIG_BYTES + 1);
      if (body.length > MAX_CONFIG_BYTES) {
        throw new ContainerException(
            Kind.INVALID,
            "image config "
                + desc.digest()
                + " is larger than "
                + MAX_CONFIG_BYTES
                + " bytes: refused");
      }
      content.write(desc.digest(), desc.size(), body);
      return body;
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE,
          "cannot download image config " + desc.digest() + ": " + e.getMessage(),
          e);
    }
  }
}
