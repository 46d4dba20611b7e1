package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose create}: what {@code up} makes (networks, volumes, images, containers), nothing
 * started.
 */
@Command(name = "create", description = "Creates containers for a service")
public final class CreateCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = "--force-recreate",
      description = "Recreate containers even if their configuration and image haven't changed")
  boolean forceRecreate;

  @Option(
      names = "--no-recreate",
      description =
          "If containers already exist, don't recreate them. Incompatible with --force-recreate.")
  boolean noRecreate;

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
  String pull;

  @Option(names = "--quiet-pull", description = "Pull without printing progress information")
  boolean quietPull;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(
      names = "--scale",
      paramLabel = "SERVICE=NUM",
      description =
          "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.")
  List<String> scale = new ArrayList<>();

  @Option(
      names = {"-y", "--yes"},
      description = "Assume \"yes\" as answer to all prompts and run non-interactively")
  boolean yes;

  @Override
  public Integer call() {
    if (forceRecreate && noRecreate) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--force-recreate and --no-recreate are incompatible");
    }
    Project project = CommandContext.loadProject(spec);
    UpOptions options =
        UpOptions.builder()
            .services(services)
            .noStart(true)
            .forceRecreate(forceRecreate)
            .noRecreate(noRecreate)
            .pull(pull)
            .removeOrphans(removeOrphans)
            .scale(Scales.parse(spec, scale))
            .build();
    CommandContext.compose(spec).up(project, options, CommandContext.progress(spec, quietPull));
    return 0;
  }
}
