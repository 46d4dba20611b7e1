package dev.jcompose.runtime.image;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ImageCommit;
import dev.jcompose.runtime.api.ImageDescription;
import dev.jcompose.runtime.api.ImageHandle;
import dev.jcompose.runtime.api.ImageReference;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.ImageStore;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.KeyedLock;
import dev.jcompose.runtime.image.registry.Platform;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ImageService} over OCI registries, with everything under {@code <dataRoot>/images}: {@code
 * blobs/sha256/} (manifests, configs, compressed layers, stored once), {@code layers/<diffID hex>/}
 * (unpacked, overlay-ready), {@code refs.json} (reference → digests) and {@code locks/}. Several
 * processes may pull into the same store concurrently; per-layer file locks make each layer
 * download and unpack once.
 */
public final class RegistryImageService implements ImageService, ImageStore {
  private final Puller puller;
  private final ImageCatalog catalog;
  private final ContentStore content;
  private final ImageIndex index;
  private final LayerFetcher fetcher;
  private final ImageWriter writer;
  private final Pusher pusher;

  public RegistryImageService(RuntimePaths paths, RegistryConfig config) {
    this(paths, config, NativeOps.real(), Platform.host());
  }

  RegistryImageService(
      RuntimePaths paths, RegistryConfig config, NativeOps ops, Platform platform) {
    KeyedLock locks = new KeyedLock(paths.images().resolve("locks"));
    ContentStore content = new ContentStore(paths.images());
    LayerStore layers = new LayerStore(paths.images(), content.scratch());
    content.scratch().sweep(); // what pulls killed mid-way left
    ImageIndex index = new ImageIndex(paths.images().resolve("refs.json"), locks);
    Supplier<HttpClient> http = RegistryHttp.lazy(config.connectTimeout());
    this.fetcher = new LayerFetcher(content, layers, locks, ops, config.requestTimeout());
    this.puller = new Puller(http, config, content, fetcher, index, platform);
    this.catalog = new ImageCatalog(index, content, layers, locks);
    this.content = content;
    this.index = index;
    this.writer = new ImageWriter(paths.images(), content, layers, index, locks, ops);
    this.pusher = new Pusher(http, config, content, index);
  }

  @Override
  public ImageHandle pull(String reference, PullProgress progress) {
    ImageReference ref = ImageReference.parse(reference);
    puller.pull(ref, progress == null ? PullProgress.NONE : progress);
    return catalog
        .find(ref.toString())
        .orElseThrow(
            () -> new ContainerException(Kind.INTERNAL, ref + " vanished right after its pull"));
  }

  @Override
  public Optional<ImageHandle> find(String reference) {
    return catalog.find(reference);
  }

  @Override
  public Optional<Instant> lastPulled(String reference) {
    return catalog.lastPulled(reference);
  }

  @Override
  public List<ImageHandle> list() {
    return catalog.list();
  }

  @Override
  public void remove(String reference) {
    catalog.remove(reference);
  }

  @Override
  public void tag(String source, String target) {
    catalog.tag(source, ImageReference.parse(target).toString());
  }

  @Override
  public Optional<ImageDescription> describe(String reference) {
    return catalog.describe(reference);
  }

  @Override
  public void save(List<String> references, OutputStream out) {
    try {
      new ImageArchiveWriter(content, index, out).write(references);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot write the image archive: " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> load(InputStream in, PullProgress progress) {
    try {
      return new ImageArchiveReader(content, fetcher, index)
          .load(in, progress == null ? PullProgress.NONE : progress);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INVALID, "cannot read the image archive: " + e.getMessage(), e);
    }
  }

  @Override
  public ImageHandle commit(ImageCommit commit) {
    Layer layer;
    try (InputStream tar = Files.newInputStream(commit.layer())) {
      layer = writer.commit(tar);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "cannot read the committed changes: " + e.getMessage(), e);
    }
    List<Layer> layers = new ArrayList<>(catalog.layers(commit.base()));
    layers.add(layer);
    byte[] config = CommitConfig.of(catalog.config(commit.base()), layer.diffId(), commit);
    return store(commit.reference(), config, layers);
  }

  @Override
  public Path newLayerDir() {
    return writer.newLayerDir();
  }

  @Override
  public Layer commitLayer(Path dir) {
    return writer.commit(dir);
  }

  @Override
  public Optional<Layer> layer(String diffId) {
    return writer.layer(diffId);
  }

  @Override
  public List<Layer> layers(ImageHandle image) {
    return catalog.layers(image);
  }

  @Override
  public byte[] config(ImageHandle image) {
    return catalog.config(image);
  }

  @Override
  public ImageHandle store(String reference, byte[] config, List<Layer> layers) {
    String key = writer.store(reference, config, layers);
    return catalog
        .find(key)
        .orElseThrow(
            () ->
                new ContainerException(Kind.INTERNAL, key + " vanished right after it was stored"));
  }

  @Override
  public String push(String reference, PullProgress progress) {
    return pusher.push(
        ImageReference.parse(reference), progress == null ? PullProgress.NONE : progress);
  }

  /**
   * The normalised form of {@code reference} ({@code busybox} → {@code
   * docker.io/library/busybox:latest}).
   */
  public static String normalise(String reference) {
    return ImageReference.parse(reference).toString();
  }
}
