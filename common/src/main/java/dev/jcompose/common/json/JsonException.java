package dev.jcompose.common.json;

/** Text that is not JSON, or JSON that does not fit the type asked for. */
public final class JsonException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;

  public JsonException(String message) {
    this(message, 0, 0);
  }

  public JsonException(String message, Throwable cause) {
    super(message, cause);
    this.line = 0;
    this.column = 0;
  }

  JsonException(String message, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
  }

  /** The 1-based line of a syntax error, 0 when the error has no place in the text. */
  public int line() {
    return line;
  }

  /** The 1-based column of a syntax error, 0 when the error has no place in the text. */
  public int column() {
    return column;
  }
}
