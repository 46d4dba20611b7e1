package dev.jcompose.scheduler.host;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.scheduler.api.ComposeException;

/**
 * The one translation of the runtime's and the network manager's failures into the kinds callers
 * of the compose API see (and the CLI maps to exit codes): the kinds share their names.
 */
public final class Failures {
  private Failures() {}

  /** A {@link ComposeException} for any failure; unknown ones are INTERNAL. */
  public static ComposeException of(Throwable t) {
    if (t instanceof ComposeException ce) {
      return ce;
    }
    if (t instanceof ContainerException ce) {
      return new ComposeException(ComposeException.Kind.valueOf(ce.kind().name()), ce.getMessage(), ce);
    }
    if (t instanceof NetworkException ne) {
      return new ComposeException(ComposeException.Kind.valueOf(ne.kind().name()), ne.getMessage(), ne);
    }
    String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    return new ComposeException(ComposeException.Kind.INTERNAL, message, t);
  }

  /** Runs {@code body}, translating the runtime's failures. */
  static <T> T translated(java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (ContainerException | NetworkException e) {
      throw of(e);
    }
  }
}
