package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.DownOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose down [SERVICE...]}: stops and removes the project's containers and networks
 * ({@code -v} volumes, {@code --rmi} images); with services, only theirs.
 */
@Command(name = "down", description = "Stop and remove containers, networks")
public final class DownCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-v", "--volumes"},
      description = "Remove named volumes declared in the volumes section and anonymous volumes")
  boolean volumes;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout in seconds")
  Integer timeout;

  @Option(
      names = "--rmi",
      paramLabel = "TYPE",
      description =
          "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")")
  String rmi;

  @Parameters(paramLabel = "SERVICE", description = "Only these services' containers")
  List<String> services = new ArrayList<>();

  @Override
  public Integer call() {
    if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "invalid --rmi '" + rmi + "': use local or all");
    }
    Project project = CommandContext.projectIfAvailable(spec);
    String name = project != null ? project.name() : CommandContext.projectName(spec);
    DownOptions options = new DownOptions(volumes, removeOrphans, timeout, rmi, services);
    CommandContext.compose(spec).down(name, project, options, CommandContext.progress(spec));
    return 0;
  }
}
