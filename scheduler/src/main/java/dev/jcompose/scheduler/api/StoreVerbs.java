package dev.jcompose.scheduler.api;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The host's image and volume stores as a whole, not one project's ({@code image ...}, {@code
 * volume create|inspect|prune}, {@code system df}). They need no engine: implemented in the
 * caller's process and inside the engine alike. Removals honour {@link CallSettings#dryRun}.
 */
public interface StoreVerbs {

  /** Every local image, or those {@code references} name (by reference or id prefix). */
  List<ImageDetails> imageList(List<String> references);

  /**
   * Removes images ({@code image rm}): a reference is untagged, the image deleted with its last
   * reference. An image a container uses is refused unless {@code force}. Returns docker's lines
   * ({@code Untagged: busybox:latest}, {@code Deleted: sha256:...}).
   */
  List<String> imageRemove(List<String> references, boolean force, Consumer<Event> progress);

  /**
   * Removes images no container uses: all of them with {@code all}, else only those without a tag.
   */
  PruneReport imagePrune(boolean all, Consumer<Event> progress);

  /** Adds {@code target} as a reference to the image {@code source} names. */
  void imageTag(String source, String target);

  /**
   * Writes images as one tarball that {@code docker load} and OCI tools read (docker-archive + OCI
   * layout).
   */
  void imageSave(List<String> references, OutputStream out);

  /** Loads images from a docker-archive or OCI-layout tarball; returns the references loaded. */
  List<String> imageLoad(InputStream in, Consumer<Event> progress);

  /**
   * Creates a local volume (no-op when it exists); returns it. A null name makes an anonymous
   * volume with a random name, as docker's {@code volume create} without one.
   */
  VolumeDetails volumeCreate(String name, Map<String, String> labels);

  /** The named volumes, with the containers that use them. */
  List<VolumeDetails> volumeInspect(List<String> names);

  /** Removes volumes no container uses: anonymous ones, or with {@code all} named ones too. */
  PruneReport volumePrune(boolean all, Consumer<Event> progress);

  /** Disk used by images, containers and volumes. */
  DiskUsage diskUsage();
}
