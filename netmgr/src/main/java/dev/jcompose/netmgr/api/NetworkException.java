package dev.jcompose.netmgr.api;

/** A network failure with a kind the CLI maps to an exit code. */
public class NetworkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the message. */
  public enum Kind {
    NOT_FOUND,
    INVALID,
    CONFLICT,
    UNAVAILABLE,
    PERMISSION,
    INTERNAL
  }

  private final Kind kind;

  public NetworkException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public NetworkException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
