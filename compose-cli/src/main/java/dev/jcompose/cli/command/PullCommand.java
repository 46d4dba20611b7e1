package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PullOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose pull}: pulls the images of the project's services straight into the local image
 * store (no engine needed), progress on stderr in docker compose's plain form ({@code web Pulling},
 * {@code a2abf6c4d29d Pull complete}, {@code web Pulled}).
 */
@Command(name = "pull", description = "Pull service images")
public final class PullCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Pull without printing progress information")
  boolean quiet;

  @Option(
      names = "--ignore-pull-failures",
      description = "Pull what it can and ignores images with pull failures")
  boolean ignoreFailures;

  @Option(
      names = "--policy",
      paramLabel = "POLICY",
      description = "Apply pull policy (\"missing\"|\"always\")")
  String policy;

  @Override
  public Integer call() {
    if (policy != null && !policy.equals("missing") && !policy.equals("always")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "invalid --policy '" + policy + "': use missing or always");
    }
    CommandContext.compose(spec)
        .pull(
            CommandContext.loadProject(spec),
            new PullOptions(services, ignoreFailures, policy),
            new Display(System.err, quiet));
    return 0;
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
