package dev.jcompose.runtime.image.unpack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The unpacker's door to the file-system syscalls the JDK lacks or does without NOFOLLOW:
 * device nodes, ownership of symlinks, full modes (setuid/setgid/sticky) and extended attributes
 * in every namespace (the JDK reaches only {@code user.*}). One method per system call; every
 * method acts on the path itself, never on a symlink's target.
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

  /**
   * llistxattr(2): the names of the path's extended attributes, in every namespace the caller
   * may see ({@code trusted.*} only with CAP_SYS_ADMIN); empty where the file system has none.
   */
  List<String> llistxattr(Path path) throws IOException;

  /** lgetxattr(2): the attribute's value, or empty when the path has no attribute of that name. */
  Optional<byte[]> lgetxattr(Path path, String name) throws IOException;

  /** utimensat(2) with AT_SYMLINK_NOFOLLOW: sets atime and mtime without opening the file (fifos would block). */
  void setTimes(Path path, long epochSeconds, long nanos) throws IOException;

  /** Whether ownership can be set (we are root); otherwise files stay owned by the caller. */
  boolean canChown();
}
