package dev.jcompose.runtime.shim;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;

/** An "err <errno> <message>" line from jcshim, turned into a {@link ContainerException}. */
public record ShimError(int errno, String message) {
  private static final int ENOENT = 2;
  private static final int EPERM = 1;
  private static final int EACCES = 13;
  private static final int EINVAL = 22;

  /** Parses "err <errno> <message>"; returns null for any other line. */
  public static ShimError parse(String line) {
    if (line == null || !line.startsWith("err ")) {
      return null;
    }
    String rest = line.substring(4).strip();
    int sp = rest.indexOf(' ');
    String num = sp < 0 ? rest : rest.substring(0, sp);
    try {
      return new ShimError(Integer.parseInt(num), sp < 0 ? "" : rest.substring(sp + 1));
    } catch (NumberFormatException e) {
      return new ShimError(0, rest);
    }
  }

  public ContainerException toException(String what) {
    return new ContainerException(kind(), what + ": " + message + " (errno " + errno + ")");
  }

  private Kind kind() {
    return switch (errno) {
      case ENOENT -> Kind.NOT_FOUND;
      case EPERM, EACCES -> Kind.PERMISSION;
      case EINVAL -> Kind.INVALID;
      default -> Kind.INTERNAL;
    };
  }
}
