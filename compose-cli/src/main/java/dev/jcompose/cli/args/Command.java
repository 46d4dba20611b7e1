package dev.jcompose.cli.args;

/**
 * A verb of the command line: what it accepts and what it does. A group ({@code volume}, {@code
 * engine}) names its sub-verbs in its spec and makes them with {@link #child}.
 */
public interface Command {
  VerbSpec spec();

  /** The sub-verb {@code name} of a group, null if there is none of that name. */
  default Command child(String name) {
    return null;
  }

  /** Runs the verb with the parsed command line; returns the exit code. */
  int run(Args args) throws Exception;
}
