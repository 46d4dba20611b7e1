package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/** The shape of {@code pause} and {@code unpause}: services, one engine call with progress. */
abstract class ServicesVerb implements Command {
  abstract void invoke(
      ComposeService compose, String project, List<String> services, Consumer<Event> progress);

  @Override
  public int run(Args args) {
    invoke(
        CommandContext.compose(args),
        CommandContext.projectName(args),
        args.operands(),
        CommandContext.progress(args));
    return 0;
  }
}
