package dev.jcompose.runtime.image.unpack;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The unpacker's door to the file-system syscalls the JDK lacks or does without NOFOLLOW:
 * device nodes, ownership of symlinks, full modes (setuid/setgid/sticky) and trusted xattrs.
 * Every method acts on the path itself, never on a symlink's target.
 */
public interface FsOps {
  int S_IFIFO = 0010000;
  int S_IFCHR = 0020000;
  int S_IFBLK = 0060000;

  /** mknod(2); {@code mode} includes the file type bits. */
  void mknod(Path path, int mode, int major, int minor) throws IOException;

  /** lchown(2). */
  void lchown(Path path, long uid, long gid) throws IOException;

  /** chmod(2) with all 12 permission bits. Never called on symlinks. */
  void chmod(Path path, int mode) throws IOException;

  /** lsetxattr(2), any namespace. */
  void lsetxattr(Path path, String name, byte[] value) throws IOException;

  /** utimensat(2) with AT_SYMLINK_NOFOLLOW: sets atime and mtime without opening the file (fifos would block). */
  void setTimes(Path path, long epochSeconds, long nanos) throws IOException;

  /**
   * llistxattr(2) + lgetxattr(2): every extended attribute of the path itself, all namespaces
   * readable to the caller (trusted.* needs root). Used when a directory is packed into a layer.
   */
  default java.util.Map<String, byte[]> xattrs(Path path) throws IOException {
    return java.util.Map.of();
  }

  /** Whether ownership can be set (we are root); otherwise files stay owned by the caller. */
  boolean canChown();
}
