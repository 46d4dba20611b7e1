package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PullOptions;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * {@code jcompose pull}: pulls the images of the project's services straight into the local image
 * store (no engine needed), progress on stderr as {@code --progress} asks (plain: {@code web
 * Pulling}, {@code a2abf6c4d29d Pull complete}, {@code web Pulled}; tty: per-layer bars; json).
 */
public final class PullCommand implements Command {
  private static final Opt QUIET =
      Opt.flag("Pull without printing progress information", "-q", "--quiet");
  private static final Opt IGNORE_FAILURES =
      Opt.flag("Pull what it can and ignores images with pull failures", "--ignore-pull-failures");
  private static final Opt POLICY =
      Opt.value("POLICY", "Apply pull policy (\"missing\"|\"always\")", "--policy");
  private static final VerbSpec SPEC =
      VerbSpec.of("Pull service images", "pull")
          .services()
          .options(QUIET, IGNORE_FAILURES, POLICY)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String policy = args.get(POLICY);
    if (policy != null && !policy.equals("missing") && !policy.equals("always")) {
      throw args.usage("invalid --policy '" + policy + "': use missing or always");
    }
    CommandContext.compose(args)
        .pull(
            CommandContext.loadProject(args),
            new PullOptions(args.operands(), args.has(IGNORE_FAILURES), policy),
            progress(args));
    return 0;
  }

  // plain keeps pull's own one-line-per-event form; tty (bars redrawn in place) and json are the
  // shared printers every verb uses
  private static Consumer<Event> progress(Args args) {
    if (args.has(QUIET)) {
      return CommandContext.quiet();
    }
    return CommandContext.progressMode(args).equals("plain")
        ? new Display(Invocation.current().err(), false)
        : CommandContext.progress(args);
  }

  /** One line per event: {@code <what> <action>}. */
  record Display(PrintStream err, boolean quiet) implements Consumer<Event> {
    @Override
    public synchronized void accept(Event e) {
      if (!quiet) {
        err.println(" " + e.resource() + " " + e.action());
        err.flush();
      }
    }
  }
}
