package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Mounts a volume's driver options on its data directory, in-process through the runtime's kernel
 * door: the mount namespace belongs to the whole engine process, which the containers' shims are
 * cloned from, so they bind what is mounted there.
 */
final class VolumeMounts {
  private final NativeOps ops;

  VolumeMounts(NativeOps ops) {
    this.ops = ops;
  }

  /**
   * Mounts as moby/sys/mount does: the mount itself, then the propagation change, then for a
   * read-only bind a remount (the kernel ignores MS_RDONLY on the first MS_BIND).
   */
  void mount(String volume, LocalDriverOptions o, Path target) {
    LocalDriverOptions.Mount m = o.mount();
    long flags = m.flags() & ~LocalDriverOptions.PROPAGATION;
    try {
      ops.mount(o.device(), target, o.type(), flags, m.data());
      if ((m.flags() & LocalDriverOptions.PROPAGATION) != 0) {
        ops.mount(
            "",
            target,
            "",
            m.flags() & (LocalDriverOptions.PROPAGATION | LocalDriverOptions.MS_REC),
            "");
      }
      long bindRo = LocalDriverOptions.MS_BIND | LocalDriverOptions.MS_RDONLY;
      if ((flags & bindRo) == bindRo) {
        ops.mount("", target, "", flags | LocalDriverOptions.MS_REMOUNT, "");
      }
    } catch (IOException e) {
      unmount(target);
      throw new ContainerException(
          Kind.INVALID,
          "volume "
              + volume
              + ": failed to mount local volume (type "
              + o.type()
              + ", device "
              + o.device()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /** Detaches what is mounted at {@code target}; nothing mounted there is fine. */
  void unmount(Path target) {
    try {
      ops.detachMount(target);
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, e.getMessage(), e);
    }
  }

  /** Whether {@code target} is a mount point, as /proc/self/mountinfo lists them. */
  static boolean isMounted(Path target) {
    try {
      String wanted = target.toRealPath().toString();
      return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
          .map(l -> l.split(" ", 6))
          .anyMatch(fields -> fields.length > 4 && fields[4].equals(wanted));
    } catch (IOException e) {
      return false;
    }
  }
}
