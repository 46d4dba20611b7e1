package dev.jcompose.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Prints failures as one line on stderr. Known (user-facing) exceptions print only their message;
 * anything else is a bug and prints its stack trace when JCOMPOSE_DEBUG is set.
 */
final class ShortErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    PrintWriter err = cli.getErr();
    int code = ExitCodes.of(ex);
    if (code == ExitCodes.INTERNAL) {
      err.println("internal error: " + ex);
      if (System.getenv("JCOMPOSE_DEBUG") != null) {
        ex.printStackTrace(err);
      }
    } else {
      err.println(ex.getMessage());
    }
    err.flush();
    return code;
  }

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    PrintWriter err = ex.getCommandLine().getErr();
    err.println(ex.getMessage());
    err.println(
        "Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return ExitCodes.USAGE;
  }
}
