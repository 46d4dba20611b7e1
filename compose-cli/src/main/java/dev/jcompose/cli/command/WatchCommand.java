package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.WatchOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose watch [SERVICE...]}: brings the services up (unless {@code --no-up}), then
 * follows the {@code develop.watch} rules until Ctrl-C: syncs changed files into the running
 * containers, restarts, runs hooks or rebuilds, as docker compose watch does.
 */
@Command(
    name = "watch",
    description =
        "Watch build context for service and rebuild/refresh containers when files are updated")
public final class WatchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(names = "--no-up", description = "Do not build & start services before watching")
  boolean noUp;

  @Option(names = "--quiet", description = "Hide build output")
  boolean quiet;

  @Option(
      names = "--prune",
      description = "Prune dangling images on rebuild (accepted; nothing to prune yet)")
  boolean prune;

  @Override
  public Integer call() {
    Project project = CommandContext.loadProject(spec);
    requireRules(project, services);
    ComposeService compose = CommandContext.compose.get();
    if (!noUp) {
      compose.up(
          project,
          UpOptions.builder().services(services).detach(true).build(),
          new ProgressPrinter(System.err, quiet));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Interrupts.install(stop::countDown, () -> System.exit(130));
    compose.watch(
        project,
        new WatchOptions(services),
        new ProgressPrinter(System.err, false),
        () -> stop.getCount() == 0);
    return 0;
  }

  /**
   * docker compose refuses to watch when no selected service has watch rules: before anything
   * starts.
   */
  static void requireRules(Project project, List<String> services) {
    for (Service s : project.services().values()) {
      if ((services.isEmpty() || services.contains(s.name()))
          && s.develop() != null
          && !s.develop().watch().isEmpty()) {
        return;
      }
    }
    throw new ComposeException(
        ComposeException.Kind.INVALID,
        "none of the selected services is configured for watch, consider setting a 'develop' section");
  }
}
