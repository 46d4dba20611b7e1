package dev.jcompose.runtime.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Pulls images from OCI registries and keeps them unpacked on disk, content-addressed. */
public interface ImageService {

  /** Pulls (or refreshes) {@code reference} like {@code docker pull}; reports progress. */
  ImageHandle pull(String reference, PullProgress progress);

  /** The local image for {@code reference}, if it was pulled before. */
  Optional<ImageHandle> find(String reference);

  List<ImageHandle> list();

  /**
   * When {@code reference} was last pulled, if it is local (pull_policy daily, weekly, every_...).
   */
  default Optional<Instant> lastPulled(String reference) {
    return Optional.empty();
  }

  void remove(String reference);

  /** Makes {@code target} a reference to the image {@code source} names ({@code docker tag}). */
  void tag(String source, String target);

  /** The creation time, platform and repo digests of a local image. */
  Optional<ImageDescription> describe(String reference);

  /**
   * Writes the images as one tarball in the layout {@code docker save} writes since Docker 25: an
   * OCI image layout (index.json, blobs) with docker's manifest.json beside it, layers as
   * uncompressed tars, so both {@code docker load} and OCI tools read it.
   */
  void save(List<String> references, OutputStream out);

  /**
   * Loads images from a tarball as {@code docker load} does: docker-archive (manifest.json) or an
   * OCI image layout (index.json), layers plain or compressed; every blob is checked against its
   * digest. Returns the references stored (an image without a name is stored by its id).
   */
  List<String> load(InputStream in, PullProgress progress);

  /** Stores a new image of a base image and one more layer; returns it. */
  ImageHandle commit(ImageCommit commit);

  /** Receives progress events; implementations must be thread-safe. */
  interface PullProgress {
    void update(String reference, String layerDigest, String phase, long current, long total);

    PullProgress NONE = (r, l, p, c, t) -> {};
  }
}
