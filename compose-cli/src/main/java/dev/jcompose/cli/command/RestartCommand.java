package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose restart}: restarts service containers (configuration changes are not applied). */
@Command(name = "restart", description = "Restart service containers")
public final class RestartCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", description = "Specify a shutdown timeout in seconds")
  Integer timeout;

  @Override
  public Integer call() {
    CommandContext.engine.get().restart(CommandContext.projectName(spec), services, timeout, new ProgressPrinter(System.err, false));
    return 0;
  }
}
