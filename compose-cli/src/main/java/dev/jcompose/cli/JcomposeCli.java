package dev.jcompose.cli;

import dev.jcompose.cli.args.ArgParser;
import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Help;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.UsageException;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.option.ProjectOptions;
import java.util.Map;

/**
 * {@code jcompose}: the entry point. Each verb is one thin class that declares what it accepts,
 * builds an options record and calls one service method; only the verb a command line names is
 * made. {@link ShortErrorHandler} turns failures into one-line messages and exit codes (no stack
 * traces).
 */
public final class JcomposeCli implements Command {
  static final Opt VERSION = Opt.flag("Print version information and exit.", "-V", "--version");
  private static final VerbSpec SPEC =
      VerbSpec.of("Define and run multi-container applications, with its own container runtime.")
          .options(VERSION)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public Command child(String name) {
    return Subcommands.create(name);
  }

  @Override
  public int run(Args args) {
    if (args.has(VERSION)) {
      Invocation.current().out().println("jcompose version " + version());
    } else {
      Invocation.current().out().print(help(this));
    }
    Invocation.current().out().flush();
    return 0;
  }

  /** The version from the jar manifest, "dev" when run from classes. */
  public static String version() {
    String v = JcomposeCli.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  public static void main(String[] args) {
    int code = execute(args);
    // Halt, not exit: the CLI registers no shutdown hooks and its output is flushed here, while
    // Runtime.exit first logs the exit (JDK 21+) through a System.Logger, whose LoggerFinder lookup
    // scans the whole class path (opening jcompose-lib.jar): 10-20 ms of every command.
    Invocation.current().out().flush();
    Invocation.current().err().flush();
    Runtime.getRuntime().halt(code);
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return execute(Invocation.process(), args);
  }

  /**
   * Runs a command line for {@code invocation} (its streams, environment and working directory) on
   * this thread and returns the exit code: the engine runs hosted verbs so.
   */
  public static int execute(Invocation invocation, String... args) {
    try {
      return Invocation.run(invocation, () -> executeHere(args));
    } catch (Exception e) {
      // executeHere turns every failure into an exit code; this is only Callable's signature
      throw new IllegalStateException(e);
    }
  }

  private static int executeHere(String... args) {
    try {
      ArgParser.Parsed parsed =
          new ArgParser(ProjectOptions.GLOBALS).parse(new JcomposeCli(), args);
      Command command = parsed.command();
      if (parsed.help() || !command.spec().subverbs().isEmpty()) {
        Invocation.current().out().print(help(command));
        Invocation.current().out().flush();
        return 0;
      }
      return command.run(parsed.args());
    } catch (UsageException e) {
      return ShortErrorHandler.usage(e);
    } catch (Exception e) {
      return ShortErrorHandler.failure(e);
    }
  }

  /** The help of {@code command}: the root's lists every verb. */
  static String help(Command command) {
    VerbSpec spec = command.spec();
    Map<String, String> commands =
        spec.path().isEmpty() ? Subcommands.descriptions() : spec.subverbs();
    return Help.of(spec, ProjectOptions.GLOBALS, commands);
  }
}
