package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The /dev/shm of a container whose IPC namespace others may join ({@code ipc: shareable}): a tmpfs
 * on the host, as docker keeps one under the container's directory, so that the containers joining
 * it bind the same files (POSIX shared memory lives in /dev/shm, outside the IPC namespace).
 * Mounted before the container's first run, detached when it is deleted.
 */
final class SharedShm {
  private static final long MS_NOSUID = 2;
  private static final long MS_NODEV = 4;
  private static final long MS_NOEXEC = 8;

  private SharedShm() {}

  /** Mounts a tmpfs of {@code bytes} at {@code dir} (created). */
  static void mount(NativeOps ops, Path dir, long bytes) {
    try {
      Files.createDirectories(dir);
      ops.mount("shm", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=" + bytes);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "shared /dev/shm at " + dir + ": " + e.getMessage(), e);
    }
  }

  static void unmount(NativeOps ops, Path dir) {
    try {
      ops.detachMount(dir);
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, e.getMessage(), e);
    }
  }
}
