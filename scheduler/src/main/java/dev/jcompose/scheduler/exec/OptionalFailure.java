package dev.jcompose.scheduler.exec;

/** The failure of an optional operation: reported as a warning, dependants ran anyway. */
public class OptionalFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OptionalFailure(Throwable cause) {
    super(cause.getMessage(), cause);
  }
}
