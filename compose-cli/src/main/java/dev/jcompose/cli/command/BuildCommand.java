package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.BuildOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose build [SERVICE...]}: builds the services' images through the engine, on
 * jcompose's own runtime; each step and its output on stderr, cached steps marked as such.
 */
@Command(name = "build", description = "Build or rebuild services")
public final class BuildCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(names = "--no-cache", description = "Do not use cache when building the image")
  boolean noCache;

  @Option(names = "--pull", description = "Always attempt to pull a newer version of the image")
  boolean pull;

  @Option(
      names = "--build-arg",
      paramLabel = "KEY=VALUE",
      description = "Set build-time variables for services")
  List<String> buildArgs = new ArrayList<>();

  @Option(
      names = {"-q", "--quiet"},
      description = "Don't print anything to STDOUT")
  boolean quiet;

  @Override
  public Integer call() {
    Project project = CommandContext.loadProject(spec);
    CommandContext.compose
        .get()
        .build(
            project,
            new BuildOptions(services, noCache, pull, args()),
            new ProgressPrinter(System.err, quiet));
    return 0;
  }

  // docker compose: KEY=VALUE, or KEY alone to take the value from the environment (absent = not
  // set)
  private Map<String, String> args() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String a : buildArgs) {
      int eq = a.indexOf('=');
      if (eq == 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "invalid --build-arg '" + a + "': use KEY=VALUE");
      }
      if (eq > 0) {
        out.put(a.substring(0, eq), a.substring(eq + 1));
      } else if (System.getenv(a) != null) {
        out.put(a, System.getenv(a));
      }
    }
    return out;
  }
}
