package dev.jcompose.common.json;

/** Text that is not JSON, or JSON that does not fit the type asked for. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public JsonException(String message) {
    super(message);
  }

  public JsonException(String message, Throwable cause) {
    super(message, cause);
  }
}
