package dev.jcompose.cli;

import dev.jcompose.cli.args.UsageException;
import dev.jcompose.cli.console.Invocation;
import java.io.PrintStream;

/**
 * Prints failures as one line on stderr. Known (user-facing) exceptions print only their message;
 * anything else is a bug and prints its stack trace when JCOMPOSE_DEBUG is set.
 */
final class ShortErrorHandler {
  private ShortErrorHandler() {}

  static int failure(Exception ex) {
    PrintStream err = Invocation.current().err();
    int code = ExitCodes.of(ex);
    if (code == ExitCodes.INTERNAL) {
      err.println("internal error: " + ex);
      if (Invocation.current().env("JCOMPOSE_DEBUG") != null) {
        ex.printStackTrace(err);
      }
    } else {
      err.println(ex.getMessage());
    }
    err.flush();
    return code;
  }

  static int usage(UsageException ex) {
    PrintStream err = Invocation.current().err();
    err.println(ex.getMessage());
    String name = ex.verb() == null ? "jcompose" : ex.verb().qualifiedName();
    err.println("Run '" + name + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
