package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;

/**
 * The /dev/shm of a container whose IPC namespace others may join ({@code ipc: shareable}): a
 * tmpfs on the host, as docker keeps one under the container's directory, so that the containers
 * joining it bind the same files (POSIX shared memory lives in /dev/shm, outside the IPC
 * namespace). Mounted before the container's first run, detached when it is deleted. mount(2) is
 * safe from any thread of the JVM (only setns/unshare of the mount namespace is not).
 */
final class SharedShm {
  private static final long MS_NOSUID = 2;
  private static final long MS_NODEV = 4;
  private static final long MS_NOEXEC = 8;
  private static final int EBUSY = 16;

  /** The libc calls used. */
  public interface LibC {
    int mount(String source, String target, String fstype, long flags, String data);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private SharedShm() {}

  /** Mounts a tmpfs of {@code bytes} at {@code dir} (created); a tmpfs already there is kept. */
  static void mount(Path dir, long bytes) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot create " + dir + ": " + e.getMessage(), e);
    }
    LibC libc = Holder.LIBC;
    if (libc.mount("shm", dir.toString(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "mode=1777,size=" + bytes) == 0) {
      return;
    }
    int errno = Runtime.getRuntime(libc).getLastError();
    if (errno != EBUSY) {
      throw new ContainerException(Kind.INTERNAL, "mount shared /dev/shm at " + dir + ": " + libc.strerror(errno));
    }
  }

  static void unmount(Path dir) {
    Unmounter.detach(dir);
  }
}
