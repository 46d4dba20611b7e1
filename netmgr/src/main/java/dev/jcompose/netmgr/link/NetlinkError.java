package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.api.NetworkException;

/** A request the kernel refused, with its errno so callers can say what it means for the user. */
final class NetlinkError extends NetworkException {
  private static final long serialVersionUID = 1L;
  static final int ENOENT = 2;
  static final int ENODEV = 19;
  static final int EEXIST = 17;
  static final int EBUSY = 16;
  static final int EOPNOTSUPP = 95;
  private final int errno;

  NetlinkError(String message, int errno) {
    super(NetworkException.Kind.INTERNAL, message);
    this.errno = errno;
  }

  int errno() {
    return errno;
  }
}
