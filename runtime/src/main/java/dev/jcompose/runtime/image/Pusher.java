package dev.jcompose.runtime.image;

import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService.PullProgress;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.DockerCredentials;
import dev.jcompose.runtime.image.registry.ImageManifest;
import dev.jcompose.runtime.image.registry.MediaTypes;
import dev.jcompose.runtime.image.registry.PushClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code docker push} of a local image: each blob is skipped when the repository has it, mounted
 * from another repository of the same registry that an image in this store came from, or uploaded;
 * then the manifest is put under the reference's tag. Never uses mirrors: a push goes to the
 * registry the reference names (plain HTTP for loopback and insecure registries).
 */
final class Pusher {
  private final Supplier<HttpClient> http;
  private final RegistryConfig config;
  private final EndpointResolver endpoints;
  private final ContentStore content;
  private final ImageIndex index;

  Pusher(Supplier<HttpClient> http, RegistryConfig config, ContentStore content, ImageIndex index) {
    this.http = http;
    this.config = config;
    this.endpoints = new EndpointResolver(config);
    this.content = content;
    this.index = index;
  }

  /** Returns the pushed manifest's digest. */
  String push(ImageReference ref, PullProgress progress) {
    Map<String, ImageRecord> records = index.read();
    ImageRecord record = records.get(ref.toString());
    if (record == null) {
      throw new ContainerException(
          Kind.NOT_FOUND, "no such image: " + ref + " (build or pull it first)");
    }
    Digest manifestDigest = Digest.parse(record.manifest());
    byte[] manifest = content.read(manifestDigest);
    ImageManifest m = ImageManifest.parse(manifest);
    String base =
        (ref.domain().equals(ImageReference.DOCKER_HUB)
            ? "https://registry-1.docker.io"
            : (endpoints.plainHttp(ref.domain()) ? "http://" : "https://") + ref.domain());
    Map<Digest, List<String>> sources = mountSources(ref, records, m);
    List<String> allSources = sources.values().stream().flatMap(List::stream).distinct().toList();
    String basic =
        DockerCredentials.load(config.dockerConfig()).basicFor(ref.domain()).orElse(null);
    PushClient client =
        new PushClient(
            http.get(), URI.create(base), ref.path(), basic, config.requestTimeout(), allSources);
    List<Descriptor> blobs = new ArrayList<>(m.layers());
    blobs.add(m.config());
    for (Descriptor d : blobs) {
      blob(client, ref, d, sources.getOrDefault(d.digest(), List.of()), progress);
    }
    String tag = ref.tag() != null ? ref.tag() : manifestDigest.toString();
    client.putManifest(tag, mediaType(manifest), manifest);
    progress.update(ref.toString(), null, "Pushed " + manifestDigest, 0, 0);
    return manifestDigest.toString();
  }

  private void blob(
      PushClient client,
      ImageReference ref,
      Descriptor d,
      List<String> from,
      PullProgress progress) {
    String id = d.digest().toString();
    if (client.hasBlob(d.digest())) {
      progress.update(ref.toString(), id, "Layer already exists", d.size(), d.size());
      return;
    }
    for (String repo : from) {
      if (client.mount(d.digest(), repo)) {
        progress.update(ref.toString(), id, "Mounted from " + repo, d.size(), d.size());
        return;
      }
    }
    if (!content.has(d.digest())) {
      throw new ContainerException(
          Kind.NOT_FOUND, "blob " + d.digest() + " of " + ref + " is not in the local store");
    }
    progress.update(ref.toString(), id, "Pushing", 0, d.size());
    client.upload(
        d.digest(),
        content.path(d.digest()),
        n -> progress.update(ref.toString(), id, "Pushing", n, d.size()));
    progress.update(ref.toString(), id, "Pushed", d.size(), d.size());
  }

  // Repositories of the same registry whose stored manifests list a blob: the registry has it
  // there.
  private Map<Digest, List<String>> mountSources(
      ImageReference target, Map<String, ImageRecord> records, ImageManifest pushed) {
    Map<Digest, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, ImageRecord> e : records.entrySet()) {
      ImageReference other;
      try {
        other = ImageReference.parse(e.getKey());
      } catch (ContainerException ex) {
        continue;
      }
      if (!other.domain().equals(target.domain()) || other.path().equals(target.path())) {
        continue;
      }
      Digest md = Digest.parse(e.getValue().manifest());
      if (!content.has(md)) {
        continue;
      }
      ImageManifest theirs = ImageManifest.parse(content.read(md));
      List<Descriptor> theirBlobs = new ArrayList<>(theirs.layers());
      theirBlobs.add(theirs.config());
      List<Descriptor> ours = new ArrayList<>(pushed.layers());
      ours.add(pushed.config());
      for (Descriptor d : ours) {
        if (theirBlobs.stream().anyMatch(x -> x.digest().equals(d.digest()))) {
          out.computeIfAbsent(d.digest(), k -> new ArrayList<>()).add(other.path());
        }
      }
    }
    return out;
  }

  private static String mediaType(byte[] manifest) {
    try {
      return Json.parse(manifest).path("mediaType").asText(MediaTypes.OCI_MANIFEST);
    } catch (JsonException e) {
      return MediaTypes.OCI_MANIFEST;
    }
  }
}
