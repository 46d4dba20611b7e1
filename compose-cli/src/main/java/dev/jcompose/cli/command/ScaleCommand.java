package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.UpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose scale SERVICE=NUM...}: the replica counts of services made so, as {@code up -d
 * --scale} would (surplus replicas, highest numbers first, are removed), with their dependencies
 * unless {@code --no-deps}; other services are left alone.
 */
@Command(name = "scale", description = "Scale services")
public final class ScaleCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SERVICE=REPLICAS")
  List<String> scales = new ArrayList<>();

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Override
  public Integer call() {
    Project project = CommandContext.loadProject(spec);
    Map<String, Integer> counts = Scales.parse(spec, scales);
    for (String s : counts.keySet()) {
      if (!project.services().containsKey(s)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such service: " + s);
      }
    }
    UpOptions options =
        UpOptions.builder()
            .services(List.copyOf(counts.keySet()))
            .noDeps(noDeps)
            .scale(counts)
            .noRecreate(true)
            .build();
    CommandContext.compose(spec).up(project, options, CommandContext.progress(spec));
    return 0;
  }
}
