package dev.jcompose.model.api;

/**
 * A user error in compose input. The message is one line naming file, line, column and the
 * attribute path where known, e.g. {@code compose.yaml:12:7: services.web.ports[0]: invalid port
 * "80800"}.
 */
public class ComposeFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ComposeFileException(String message) {
    super(message);
  }

  public ComposeFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
