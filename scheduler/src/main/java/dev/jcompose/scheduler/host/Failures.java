package dev.jcompose.scheduler.host;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.scheduler.api.ComposeException;
import java.util.function.Supplier;

/**
 * The one translation of the runtime's and the network manager's failures into the kinds callers of
 * the compose API see (and the CLI maps to exit codes): the kinds share their names.
 */
public final class Failures {
  private Failures() {}

  /**
   * A {@link ComposeException} for any failure, with its message and the kind found in its causes.
   */
  public static ComposeException of(Throwable t) {
    if (t instanceof ComposeException ce) {
      return ce;
    }
    String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    return new ComposeException(kindOf(t), message, t);
  }

  /** The kind of the first kinded failure in the cause chain; INTERNAL when there is none. */
  static ComposeException.Kind kindOf(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof ComposeException ce) {
        return ce.kind();
      }
      if (c instanceof ContainerException ce) {
        return ComposeException.Kind.valueOf(ce.kind().name());
      }
      if (c instanceof NetworkException ne) {
        return ComposeException.Kind.valueOf(ne.kind().name());
      }
    }
    return ComposeException.Kind.INTERNAL;
  }

  /** Runs {@code body}, translating the runtime's failures. */
  public static <T> T translated(Supplier<T> body) {
    try {
      return body.get();
    } catch (ContainerException | NetworkException e) {
      throw of(e);
    }
  }
}
