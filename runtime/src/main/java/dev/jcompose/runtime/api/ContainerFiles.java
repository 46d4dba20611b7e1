package dev.jcompose.runtime.api;

import java.nio.file.Path;

/**
 * Changes files inside a running container from the host, as {@code docker cp} does (and {@code
 * watch} needs): every container path is resolved inside the container's own root, through its
 * mounts, with its symlinks followed as the container would follow them but never out of that root,
 * so nothing a container (or an image) planted can redirect a write to the host.
 */
public interface ContainerFiles {

  /**
   * Writes {@code hostFile}'s content to {@code containerPath} (absolute) in running container
   * {@code id}, replacing what is there; missing parent directories are made (0755). The file keeps
   * the host file's permission bits and is owned by {@code uid}:{@code gid}.
   */
  void write(String id, Path hostFile, String containerPath, long uid, long gid);

  /** Makes the directory {@code containerPath} and its missing parents (0755, owned by uid:gid). */
  void mkdirs(String id, String containerPath, long uid, long gid);

  /** Removes {@code containerPath} (a directory with everything in it); absent is fine. */
  void delete(String id, String containerPath);
}
