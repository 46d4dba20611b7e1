package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;

/**
 * Lazy unmount in-process, for the container's netns bind mount on delete. It used to start
 * {@code jcshim umount} per container: a fork+exec of the engine, 20-60 ms each while a
 * {@code down} removes 20 containers side by side, for one system call that is safe from any
 * thread (unlike unshare/setns, umount2 does not care that the JVM is multi-threaded).
 */
final class Unmounter {
  private static final int MNT_DETACH = 2;
  private static final int ENOENT = 2;
  private static final int EINVAL = 22;

  /** The libc calls used. */
  public interface LibC {
    int umount2(String target, int flags);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private Unmounter() {}

  /** Detaches the mount at {@code target}; no mount there (EINVAL) or no such path (ENOENT) is fine. */
  static void detach(Path target) {
    LibC libc = Holder.LIBC;
    if (libc.umount2(target.toString(), MNT_DETACH) == 0) {
      return;
    }
    int errno = Runtime.getRuntime(libc).getLastError();
    if (errno != EINVAL && errno != ENOENT) {
      throw new ContainerException(Kind.INTERNAL, "umount " + target + ": " + libc.strerror(errno));
    }
  }
}
