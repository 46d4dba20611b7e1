package dev.jcompose.cli.args;

/**
 * A command line that cannot be run as given: unknown flag, missing value, bad argument. The CLI
 * prints the message and a pointer to {@code --help}, and exits with the usage code.
 */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient VerbSpec verb;

  public UsageException(VerbSpec verb, String message) {
    super(message);
    this.verb = verb;
  }

  /** The verb whose command line is wrong (for the {@code --help} pointer); null for the root. */
  public VerbSpec verb() {
    return verb;
  }
}
