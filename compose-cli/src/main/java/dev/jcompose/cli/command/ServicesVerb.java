package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The shape of {@code pause} and {@code unpause}: services, one engine call with progress. */
abstract class ServicesVerb implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  abstract void invoke(ComposeService compose, String project, Consumer<Event> progress);

  @Override
  public Integer call() {
    invoke(
        CommandContext.compose(spec),
        CommandContext.projectName(spec),
        CommandContext.progress(spec));
    return 0;
  }
}
