package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.scheduler.api.PushOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose push [SERVICE...]}: pushes the built images of services that name an image. */
@Command(name = "push", description = "Push service images")
public final class PushCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--ignore-push-failures",
      description = "Push what it can and ignores images with push failures")
  boolean ignoreFailures;

  @Option(
      names = {"-q", "--quiet"},
      description = "Push without printing progress information")
  boolean quiet;

  @Override
  public Integer call() {
    CommandContext.compose
        .get()
        .push(
            CommandContext.loadProject(spec),
            new PushOptions(services, ignoreFailures),
            new ProgressPrinter(System.err, quiet));
    return 0;
  }
}
