package dev.jcompose.scheduler.exec;

/** An operation was not run because one it depends on failed; the message names that dependency. */
public class OpFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
