package dev.jcompose.runtime.fs;

import java.nio.file.Path;
import java.util.List;

/**
 * The door to the kernel for whole trees: directories are held open by descriptor and every entry is
 * named relative to one, so no path is ever resolved twice. A symlink swapped in for a directory
 * is never followed and a mount point is never crossed (openat2 {@code RESOLVE_NO_SYMLINKS |
 * RESOLVE_NO_XDEV}, Linux 5.6, which the shim needs too). Names are raw bytes: a container may
 * create names that are not UTF-8, and they must still be removable. Failures are
 * {@link ErrnoException}s carrying the errno.
 */
public interface FdOps {
  /** Opens a directory the engine itself names (its own roots), following symlinks in it as any path. */
  int openTrusted(Path dir) throws ErrnoException;

  /**
   * Opens {@code name}, a single component, in {@code dirfd} as a directory: ELOOP if it is a
   * symlink, ENOTDIR if it is not a directory, EXDEV if it is a mount point.
   */
  int openBeneath(int dirfd, byte[] name) throws ErrnoException;

  /** One entry of a directory listing; {@code directory} is the kernel's d_type (a hint: it may change). */
  record Entry(byte[] name, boolean directory, boolean typeKnown) {}

  /** Every entry of the directory but "." and "..", from its start (getdents64 after a rewind). */
  List<Entry> list(int fd) throws ErrnoException;

  /**
   * unlinkat(2) of one component of {@code dirfd}: a directory (AT_REMOVEDIR) must be empty; a
   * symlink is removed itself, never its target. EISDIR when a non-directory was expected.
   */
  void unlink(int dirfd, byte[] name, boolean directory) throws ErrnoException;

  /** fchmod(2) of an open directory to 0700, for callers without CAP_DAC_OVERRIDE emptying a 0555 one. */
  void makeWritable(int fd) throws ErrnoException;

  /** syncfs(2): writes out everything of the file system {@code fd} is on. */
  void syncFileSystem(int fd) throws ErrnoException;

  void close(int fd);
}
