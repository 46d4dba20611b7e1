package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.WatchOptions;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code jcompose watch [SERVICE...]}: brings the services up (unless {@code --no-up}), then
 * follows the {@code develop.watch} rules until Ctrl-C: syncs changed files into the running
 * containers, restarts, runs hooks or rebuilds, as docker compose watch does.
 */
public final class WatchCommand implements Command {
  private static final Opt NO_UP =
      Opt.flag("Do not build & start services before watching", "--no-up");
  private static final Opt QUIET = Opt.flag("Hide build output", "--quiet");
  private static final Opt PRUNE =
      Opt.flag("Prune dangling images on rebuild (accepted; nothing to prune yet)", "--prune");
  private static final VerbSpec SPEC =
      VerbSpec.of(
              "Watch build context for service and rebuild/refresh containers when files are"
                  + " updated",
              "watch")
          .services()
          .options(NO_UP, QUIET, PRUNE)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    List<String> services = args.operands();
    Project project = CommandContext.loadProject(args);
    requireRules(project, services);
    ComposeService compose = CommandContext.compose(args);
    if (!args.has(NO_UP)) {
      compose.up(
          project,
          UpOptions.builder().services(services).detach(true).build(),
          new ProgressPrinter(Invocation.current().err(), args.has(QUIET)));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Interrupts.install(stop::countDown, () -> System.exit(130));
    compose.watch(
        project,
        new WatchOptions(services),
        new ProgressPrinter(Invocation.current().err(), false),
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
