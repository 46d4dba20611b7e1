package dev.jcompose.runtime.api;

/**
 * A failure of the container runtime (images, containers, volumes) with a kind the CLI maps to an
 * exit code.
 */
public class ContainerException extends RuntimeException {
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

  public ContainerException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public ContainerException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
