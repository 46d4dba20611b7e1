package dev.jcompose.junit;

/**
 * A stack could not be brought up or resolved; the logs of failing services are attached as
 * suppressed exceptions.
 */
public class ComposeStackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ComposeStackException(String message, Throwable cause) {
    super(message, cause);
  }

  public ComposeStackException(String message) {
    super(message);
  }
}
