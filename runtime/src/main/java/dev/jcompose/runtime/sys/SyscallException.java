package dev.jcompose.runtime.sys;

import java.io.IOException;

/**
 * A system call of {@link NativeOps} that failed, with its errno, for callers whose next step
 * depends on why (a missing component, a symlink met under O_NOFOLLOW, a directory not empty).
 */
public final class SyscallException extends IOException {
  private static final long serialVersionUID = 1L;

  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EEXIST = 17;
  public static final int EISDIR = 21;
  public static final int ENOTEMPTY = 39;
  public static final int ELOOP = 40;

  private final int errno;

  public SyscallException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public int errno() {
    return errno;
  }
}
