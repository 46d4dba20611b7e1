package dev.jcompose.runtime.fs;

import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An open file descriptor and its {@code /proc/self/fd/N} path. Through that path the JDK lists,
 * reads and stats exactly the file the descriptor holds (the kernel follows the descriptor, not a
 * name), and {@code <path>/name} reaches one entry of a directory descriptor without any lookup
 * above it; so a name once opened without following symlinks can be used with plain JDK calls.
 */
final class Fd implements AutoCloseable {
  private static final Path SELF = Path.of("/proc/self/fd");
  private final NativeOps ops;
  final int fd;

  Fd(NativeOps ops, int fd) {
    this.ops = ops;
    this.fd = fd;
  }

  /** Opens {@code path} relative to {@code dir} (null = absolute {@code path} from the host). */
  static Fd open(NativeOps ops, Fd dir, String path, int flags, int mode, long resolve)
      throws IOException {
    return new Fd(
        ops,
        ops.openat2(
            dir == null ? NativeOps.AT_FDCWD : dir.fd,
            path,
            flags | NativeOps.O_CLOEXEC,
            mode,
            resolve));
  }

  /** One entry {@code name} of this directory, never following a symlink (ELOOP if it is one). */
  Fd child(String name, int flags) throws IOException {
    return open(
        ops,
        this,
        name,
        flags | NativeOps.O_NOFOLLOW,
        0,
        NativeOps.RESOLVE_BENEATH
            | NativeOps.RESOLVE_NO_SYMLINKS
            | NativeOps.RESOLVE_NO_MAGICLINKS);
  }

  Path path() {
    return SELF.resolve(Integer.toString(fd));
  }

  /**
   * The entry {@code name} of this directory, for JDK calls that act on a name without following
   * it.
   */
  Path entry(String name) {
    return path().resolve(name);
  }

  @Override
  public void close() {
    ops.close(fd);
  }
}
