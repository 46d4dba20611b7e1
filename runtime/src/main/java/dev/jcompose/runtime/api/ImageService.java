package dev.jcompose.runtime.api;

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

  /** Receives progress events; implementations must be thread-safe. */
  interface PullProgress {
    void update(String reference, String layerDigest, String phase, long current, long total);

    PullProgress NONE = (r, l, p, c, t) -> {};
  }
}
