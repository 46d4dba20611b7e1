package dev.jcompose.builder.api;

/**
 * A build that cannot go on: bad Dockerfile or build input (INVALID, naming file:line), a missing
 * base image or source (NOT_FOUND), a failing step (FAILED, naming the Dockerfile line), an
 * unreachable registry (UNAVAILABLE), or a bug (INTERNAL).
 */
public class BuildException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the message; the CLI maps it to an exit code. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    FAILED,
    UNAVAILABLE,
    INTERNAL
  }

  private final Kind kind;

  public BuildException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public BuildException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** An INVALID error at {@code file:line}, the form every Dockerfile error takes. */
  public static BuildException at(String file, int line, String message) {
    return new BuildException(Kind.INVALID, file + ":" + line + ": " + message);
  }
}
