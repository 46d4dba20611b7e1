package dev.jcompose.model.interpolate;

/**
 * A template that cannot be substituted: either malformed ({@link #invalid()} true, compose-go's
 * InvalidTemplateError) or a {@code ${VAR?msg}}/{@code ${VAR:?msg}} whose variable is missing.
 * Callers add the file, line and attribute path.
 */
public final class TemplateException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final boolean invalid;

  TemplateException(String message, boolean invalid) {
    super(message);
    this.invalid = invalid;
  }

  public boolean invalid() {
    return invalid;
  }
}
