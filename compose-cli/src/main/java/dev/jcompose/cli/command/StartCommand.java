package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.ProgressPrinter;

/** {@code jcompose start}: starts existing containers of services. */
public final class StartCommand implements Command {
  private static final VerbSpec SPEC = VerbSpec.of("Start services", "start").services().build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    CommandContext.compose
        .get()
        .start(
            CommandContext.projectName(args),
            args.operands(),
            new ProgressPrinter(System.err, false));
    return 0;
  }
}
