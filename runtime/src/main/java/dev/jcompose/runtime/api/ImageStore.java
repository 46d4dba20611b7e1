package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The write side of the local image store, for images made on this host: layer directories in, OCI
 * images out, stored exactly like pulled ones (content-addressed blobs, unpacked layers, a
 * reference in the index) so containers, {@code images} and pushes use them the same way.
 * Thread-safe; several processes may write at once (per-layer and index locks).
 */
public interface ImageStore {

  /**
   * A stored layer: {@code diffId} is the digest of its uncompressed tar, {@code digest}, {@code
   * blobSize} and {@code mediaType} describe its compressed blob, {@code dir} is the unpacked
   * directory (an overlay lower dir), {@code size} the bytes of its files.
   */
  record Layer(
      String diffId, String digest, long blobSize, String mediaType, Path dir, long size) {}

  /**
   * A new empty directory (0755) on the store's file system, to fill as a layer and pass to {@link
   * #commitLayer}.
   */
  Path newLayerDir();

  /**
   * Makes {@code dir} a stored layer and consumes it: packs it as an OCI layer (overlay whiteouts
   * and opaque directories become {@code .wh.} entries), stores the gzip blob and moves the
   * directory into the layer store. {@code dir} must be on the store's file system (a {@link
   * #newLayerDir()} or a container's upper dir under the same data root). If an equal layer is
   * stored already, that one is returned and {@code dir} deleted.
   */
  Layer commitLayer(Path dir);

  /** A layer committed on this host, by diffID, if its directory and blob are both still stored. */
  Optional<Layer> layer(String diffId);

  /** The layers of a stored image, bottom first, with the blobs its manifest names. */
  List<Layer> layers(ImageHandle image);

  /** The image's config JSON, byte for byte (its digest is the image id). */
  byte[] config(ImageHandle image);

  /**
   * Stores an image: {@code config} is a complete OCI image config whose {@code rootfs.diff_ids}
   * name {@code layers} in order; an OCI manifest is written for it and {@code reference} points at
   * it (replacing what it pointed at; null: the image is known by its id only). Returns the image
   * as {@link ImageService#find} would.
   */
  ImageHandle store(String reference, byte[] config, List<Layer> layers);

  /**
   * Pushes the local image {@code reference} to the registry it names, like {@code docker push}:
   * blobs the repository has are skipped, blobs another repository of that registry has are
   * mounted, the rest uploaded, then the manifest is put under the tag. Credentials come from
   * docker's config.json. Returns the manifest digest.
   */
  String push(String reference, ImageService.PullProgress progress);
}
