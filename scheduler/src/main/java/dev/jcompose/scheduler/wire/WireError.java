package dev.jcompose.scheduler.wire;

import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.host.Failures;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * A failure as it travels over the API: the {@link ComposeException.Kind} name and the message, so
 * the CLI rethrows the same kind (and so exits with the same code) as an in-process call would.
 */
public record WireError(String kind, String message) {

  /**
   * Any throwable becomes a kind + message: the runtime's and netmgr's keep theirs, others are
   * INTERNAL.
   */
  public static WireError of(Throwable t) {
    ComposeException ce = Failures.of(unwrap(t));
    return new WireError(ce.kind().name(), ce.getMessage());
  }

  public ComposeException toException() {
    return new ComposeException(kindOrInternal(), message == null ? "engine error" : message);
  }

  /** The HTTP status this error is sent with on non-streamed routes. */
  public int httpStatus() {
    return switch (kindOrInternal()) {
      case NOT_FOUND -> 404;
      case INVALID -> 400;
      case CONFLICT -> 409;
      case UNAVAILABLE -> 503;
      case PERMISSION -> 403;
      case INTERNAL -> 500;
    };
  }

  private ComposeException.Kind kindOrInternal() {
    try {
      return ComposeException.Kind.valueOf(kind);
    } catch (RuntimeException e) {
      return ComposeException.Kind.INTERNAL;
    }
  }

  private static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException
            || c instanceof ExecutionException
            || c instanceof InvocationTargetException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
