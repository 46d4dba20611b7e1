package dev.jcompose.model.env;

/**
 * A syntax error in a .env text; {@link DotEnv} adds the file name and turns it into a user error.
 */
final class DotEnvException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  DotEnvException(String message) {
    super(message);
  }
}
