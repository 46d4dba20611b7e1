package dev.jcompose.cli;

import dev.jcompose.cli.option.ProjectOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code jcompose}: the entry point. Each subcommand is one thin class that parses its flags,
 * builds an options record and calls one service method; {@link ShortErrorHandler} turns user
 * errors into one-line messages and exit codes (no stack traces).
 */
@Command(
    name = "jcompose",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Define and run multi-container applications, with its own container runtime.",
    subcommands = {CommandLine.HelpCommand.class})
public final class JcomposeCli implements Runnable {

  @Mixin ProjectOptions project;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = newCommandLine(args);
    return cli.execute(args);
  }

  /** The command line for {@code args}: only the verb they name is built (all for help). */
  static CommandLine newCommandLine(String... args) {
    CommandLine cli = new CommandLine(new JcomposeCli());
    Subcommands.register(cli, args);
    ShortErrorHandler handler = new ShortErrorHandler();
    cli.setExecutionExceptionHandler(handler);
    cli.setParameterExceptionHandler(handler);
    cli.setExitCodeExceptionMapper(ExitCodes::of);
    return cli;
  }
}
