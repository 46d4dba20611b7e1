package dev.jcompose.runtime.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The modes of jcompose's state folders, applied to new and existing ones when the engine starts,
 * as dockerd does in setupDaemonRoot. A container's root can write setuid files into its upper
 * layer and volumes; no other host user may reach them (CVE-2021-41091, fixed in moby by making
 * {@code containers/} and {@code overlay2/} 0710). The data root itself is 0710 here, so nothing
 * under it (layers, upper dirs, volumes, state holding environments) is reachable by other users.
 */
public final class StateRoots {
  private StateRoots() {}

  /** Creates the roots if needed and sets their modes. */
  public static void prepare(RuntimePaths paths) {
    mode(paths.dataRoot(), "rwx--x---"); // 0710
    mode(paths.containers(), "rwx--x---"); // 0710, moby containers/
    mode(paths.images(), "rwx------"); // 0700, moby image/
    mode(paths.volumes(), "rwx-----x"); // 0701, moby volumes/
    // 0711: the engine socket (0660) stays reachable for its group, nothing here can be listed
    mode(paths.runRoot(), "rwx--x--x");
    mode(
        paths.runRoot().resolve("containers"),
        "rwx------"); // shim sockets, configs with environments
  }

  private static void mode(Path dir, String perms) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString(perms));
    } catch (IOException e) {
      throw new ContainerException(
          ContainerException.Kind.UNAVAILABLE, "cannot prepare " + dir + ": " + e.getMessage(), e);
    }
  }
}
