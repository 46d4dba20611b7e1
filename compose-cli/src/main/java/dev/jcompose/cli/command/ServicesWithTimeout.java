package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * The shape of {@code stop} and {@code restart}: services and a shutdown timeout, one engine call.
 */
abstract class ServicesWithTimeout implements Command {
  static final Opt TIMEOUT =
      Opt.value("SECONDS", "Specify a shutdown timeout in seconds", "-t", "--timeout");

  private final VerbSpec spec;

  ServicesWithTimeout(String name, String description) {
    this.spec = VerbSpec.of(description, name).services().options(TIMEOUT).build();
  }

  @Override
  public VerbSpec spec() {
    return spec;
  }

  abstract void invoke(
      ComposeService engine,
      String project,
      List<String> services,
      Integer timeout,
      Consumer<Event> progress);

  @Override
  public int run(Args args) {
    invoke(
        CommandContext.compose(args),
        CommandContext.projectName(args),
        args.operands(),
        args.integer(TIMEOUT),
        CommandContext.progress(args));
    return 0;
  }
}
