package dev.jcompose.cli.command;

import dev.jcompose.cli.output.EventRenderer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose events}: streams container lifecycle and health events until interrupted. */
@Command(name = "events", description = "Receive real time events from containers")
public final class EventsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(names = "--json", description = "Output events as a stream of json objects")
  boolean json;

  @Override
  public Integer call() {
    String project = CommandContext.projectName(spec);
    PrintStream out = System.out;
    EventRenderer renderer = new EventRenderer(json);
    CommandContext.compose(spec)
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
