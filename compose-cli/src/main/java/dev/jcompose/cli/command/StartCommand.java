package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose start}: starts existing containers of services. */
@Command(name = "start", description = "Start services")
public final class StartCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    CommandContext.compose
        .get()
        .start(CommandContext.projectName(spec), services, new ProgressPrinter(System.err, false));
    return 0;
  }
}
