package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.LibraryOption;
import jnr.ffi.Runtime;

/**
 * Mounts a volume's driver options on its data directory, in-process (mount(2) and umount2(2) are
 * safe from any thread of the engine: the mount namespace belongs to the whole process, which the
 * containers' shims are cloned from, so they bind what is mounted there).
 */
final class VolumeMounts {
  private static final int MNT_DETACH = 2;
  private static final int EINVAL = 22;
  private static final int ENOENT = 2;

  /** The libc calls used. */
  public interface LibC {
    int mount(String source, String target, String fstype, long flags, String data);

    int umount2(String target, int flags);

    String strerror(int errnum);
  }

  private static final class Holder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).option(LibraryOption.SaveError, true).load("c");
  }

  private VolumeMounts() {}

  /**
   * Mounts as moby/sys/mount does: the mount itself, then the propagation change, then for a
   * read-only bind a remount (the kernel ignores MS_RDONLY on the first MS_BIND).
   */
  static void mount(String volume, LocalDriverOptions o, Path target) {
    LocalDriverOptions.Mount m = o.mount();
    long flags = m.flags() & ~LocalDriverOptions.PROPAGATION;
    call(Holder.LIBC.mount(o.device(), target.toString(), o.type(), flags, m.data()), volume, o);
    if ((m.flags() & LocalDriverOptions.PROPAGATION) != 0) {
      call(Holder.LIBC.mount("", target.toString(), "", m.flags() & (LocalDriverOptions.PROPAGATION | LocalDriverOptions.MS_REC), ""),
          volume, o);
    }
    long bindRo = LocalDriverOptions.MS_BIND | LocalDriverOptions.MS_RDONLY;
    if ((flags & bindRo) == bindRo) {
      call(Holder.LIBC.mount("", target.toString(), "", flags | LocalDriverOptions.MS_REMOUNT, ""), volume, o);
    }
  }

  /** Detaches what is mounted at {@code target}; nothing mounted there is fine. */
  static void unmount(Path target) {
    if (Holder.LIBC.umount2(target.toString(), MNT_DETACH) == 0) {
      return;
    }
    int errno = Runtime.getRuntime(Holder.LIBC).getLastError();
    if (errno != EINVAL && errno != ENOENT) {
      throw new ContainerException(Kind.INTERNAL, "umount " + target + ": " + Holder.LIBC.strerror(errno));
    }
  }

  /** Whether {@code target} is a mount point (another device than its parent, or a bind of the same). */
  static boolean isMounted(Path target) {
    try {
      String wanted = " " + target.toRealPath() + " ";
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .anyMatch(l -> l.contains(wanted) && l.split(" ")[4].equals(wanted.strip()));
    } catch (IOException e) {
      return false;
    }
  }

  private static void call(int rc, String volume, LocalDriverOptions o) {
    if (rc != 0) {
      int errno = Runtime.getRuntime(Holder.LIBC).getLastError();
      throw new ContainerException(Kind.INVALID, "volume " + volume + ": failed to mount local volume: mount " + o.device() + " (type "
          + o.type() + ", o=" + o.options().replaceAll("password=[^,]*", "password=********") + "): " + Holder.LIBC.strerror(errno));
    }
  }
}
