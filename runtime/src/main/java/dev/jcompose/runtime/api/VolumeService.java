package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Named local volumes: directories under the data root with labels, created on first use. */
public interface VolumeService {

  /** Creates the volume if missing; {@code created} tells whether it is new (for copy-up). */
  VolumeInfo ensure(String name, Map<String, String> labels);

  Optional<VolumeInfo> find(String name);

  List<VolumeInfo> list();

  void remove(String name);

  /** Bytes of the files in the volume (0 when it does not exist). */
  long size(String name);

  /**
   * Copies the image's content at {@code pathInImage} into a new, empty volume (docker's copy-up).
   */
  void populateFromImage(String name, ImageHandle image, String pathInImage);

  record VolumeInfo(String name, Path dataDir, Map<String, String> labels, boolean created) {}
}
