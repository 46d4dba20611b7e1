package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.StartOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose start}: starts existing containers of services; {@code --wait} until running or
 * healthy.
 */
@Command(name = "start", description = "Start services")
public final class StartCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--wait",
      description = "Wait for services to be running|healthy. Implies detached mode.")
  boolean waitHealthy;

  @Option(
      names = "--wait-timeout",
      paramLabel = "SECONDS",
      description = "Maximum duration in seconds to wait for the project to be running|healthy")
  Integer waitTimeout;

  @Override
  public Integer call() {
    CommandContext.compose(spec)
        .start(
            CommandContext.projectName(spec),
            new StartOptions(services, waitHealthy, waitTimeout),
            CommandContext.progress(spec));
    return 0;
  }
}
