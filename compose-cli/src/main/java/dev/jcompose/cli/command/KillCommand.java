package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.KillOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose kill}: sends a signal (SIGKILL unless {@code -s}) to the services' running
 * containers.
 */
@Command(name = "kill", description = "Force stop service containers")
public final class KillCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-s", "--signal"},
      paramLabel = "SIGNAL",
      defaultValue = "SIGKILL",
      description = "SIGNAL to send to the container")
  String signal;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Override
  public Integer call() {
    Project project = removeOrphans ? CommandContext.loadProject(spec) : null;
    String name = project != null ? project.name() : CommandContext.projectName(spec);
    List<String> declared = project == null ? List.of() : List.copyOf(project.services().keySet());
    CommandContext.compose(spec)
        .kill(
            name,
            new KillOptions(services, signal, removeOrphans, declared),
            CommandContext.progress(spec));
    return 0;
  }
}
