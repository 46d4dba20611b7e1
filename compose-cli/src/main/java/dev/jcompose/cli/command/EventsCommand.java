package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.EventRenderer;
import java.io.PrintStream;
import java.util.List;

/** {@code jcompose events}: streams container lifecycle and health events until interrupted. */
public final class EventsCommand implements Command {
  private static final Opt JSON = Opt.flag("Output events as a stream of json objects", "--json");
  private static final VerbSpec SPEC =
      VerbSpec.of("Receive real time events from containers", "events")
          .services()
          .options(JSON)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String project = CommandContext.projectName(args);
    List<String> services = args.operands();
    PrintStream out = Invocation.current().out();
    EventRenderer renderer = new EventRenderer(args.has(JSON));
    CommandContext.compose(args)
        .events(
            project,
            null,
            e -> {
              if (services.isEmpty() || services.contains(EventRenderer.service(e))) {
                out.println(renderer.render(e));
                out.flush();
              }
            },
            () -> false);
    return 0;
  }
}
