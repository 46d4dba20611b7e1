package dev.jcompose.runtime.sys;

import java.io.IOException;

/**
 * A failed system call with its errno, so callers can tell "gone" from "a symlink now" from "a
 * mount point".
 */
public final class ErrnoException extends IOException {
  private static final long serialVersionUID = 1L;
  // asm-generic values, the same on x86_64 and aarch64
  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EXDEV = 18;
  public static final int ENOTDIR = 20;
  public static final int EEXIST = 17;
  public static final int EISDIR = 21;
  public static final int ENOTEMPTY = 39;
  public static final int ELOOP = 40;

  private final int errno;

  public ErrnoException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
