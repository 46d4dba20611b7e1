package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named local volumes: directories under the data root with labels, created on first use. A volume
 * with options of docker's local driver ({@code type}, {@code o}, {@code device}: a tmpfs, a bind
 * of a host path, a block device) has them mounted on its directory while containers use it.
 */
public interface VolumeService {

  /** Creates the volume if missing; {@code created} tells whether it is new (for copy-up). */
  default VolumeInfo ensure(String name, Map<String, String> labels) {
    return ensure(name, labels, Map.of());
  }

  /**
   * Creates the volume if missing, with the local driver's options (checked as dockerd checks them:
   * INVALID naming the volume otherwise); an existing volume keeps the options it has.
   */
  VolumeInfo ensure(String name, Map<String, String> labels, Map<String, String> driverOpts);

  /**
   * The directory a container of name {@code user} mounts: for a volume with options, their mount
   * (made unless it is there already) is the directory, and it stays while any user does, as
   * docker's local driver counts its users. Returns whether this call mounted it (then it is new
   * and empty: the caller copies the image's content in, as for a new volume).
   */
  Use use(String name, String user);

  /** Forgets {@code user} as a user of every volume; unmounts those it was the last user of. */
  void release(String user);

  Optional<VolumeInfo> find(String name);

  List<VolumeInfo> list();

  void remove(String name);

  /** Bytes of the files in the volume (0 when it does not exist). */
  long size(String name);

  /**
   * Copies the image's content at {@code pathInImage} into a new, empty volume (docker's copy-up).
   */
  void populateFromImage(String name, ImageHandle image, String pathInImage);

  /**
   * A volume as it exists.
   *
   * @param options the local driver's options, empty for a plain directory
   */
  record VolumeInfo(
      String name,
      Path dataDir,
      Map<String, String> labels,
      boolean created,
      Map<String, String> options) {
    public VolumeInfo {
      options = options == null ? Map.of() : Map.copyOf(options);
    }

    public VolumeInfo(String name, Path dataDir, Map<String, String> labels, boolean created) {
      this(name, dataDir, labels, created, Map.of());
    }
  }

  /** A volume as a container mounts it; {@code mounted}: its options were mounted for this use. */
  record Use(Path dataDir, boolean mounted) {}
}
