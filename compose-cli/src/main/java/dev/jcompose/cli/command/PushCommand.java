package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.scheduler.api.PushOptions;

/** {@code jcompose push [SERVICE...]}: pushes the built images of services that name an image. */
public final class PushCommand implements Command {
  private static final Opt IGNORE_FAILURES =
      Opt.flag("Push what it can and ignores images with push failures", "--ignore-push-failures");
  private static final Opt QUIET =
      Opt.flag("Push without printing progress information", "-q", "--quiet");
  private static final VerbSpec SPEC =
      VerbSpec.of("Push service images", "push").services().options(IGNORE_FAILURES, QUIET).build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    CommandContext.compose
        .get()
        .push(
            CommandContext.loadProject(args),
            new PushOptions(args.operands(), args.has(IGNORE_FAILURES)),
            new ProgressPrinter(Invocation.current().err(), args.has(QUIET)));
    return 0;
  }
}
