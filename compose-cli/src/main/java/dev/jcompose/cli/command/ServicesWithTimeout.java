package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The shape of {@code stop} and {@code restart}: services and a shutdown timeout, one engine call.
 */
abstract class ServicesWithTimeout implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Specify a shutdown timeout in seconds")
  Integer timeout;

  abstract void invoke(ComposeService engine, String project, Consumer<Event> progress);

  @Override
  public Integer call() {
    invoke(
        CommandContext.compose(spec),
        CommandContext.projectName(spec),
        CommandContext.progress(spec));
    return 0;
  }
}
