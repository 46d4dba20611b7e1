package dev.jcompose.cli.command;

import dev.jcompose.cli.UserError;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.DevelopConfig;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.container.ContainerFileWriter;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.watch.WatchRules;
import dev.jcompose.scheduler.watch.WatchSession;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
@Command(name = "watch", description = "Watch build context for service and rebuild/refresh containers when files are updated")
public final class WatchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(names = "--no-up", description = "Do not build & start services before watching") boolean noUp;
  @Option(names = "--quiet", description = "Hide build output") boolean quiet;
  @Option(names = "--prune", description = "Prune dangling images on rebuild (accepted; nothing to prune yet)") boolean prune;

  @Override
  public Integer call() throws Exception {
    Project project = CommandContext.loadProject(spec);
    ComposeService engine = CommandContext.engine.get();
    Consumer<Event> printer = new ProgressPrinter(System.err, false);
    WatchRules rules = rules(project, services);
    if (!noUp) {
      engine.up(project, UpOptions.builder().services(services).detach(true).build(), new ProgressPrinter(System.err, quiet));
    }
    CountDownLatch stop = new CountDownLatch(1);
    Interrupts.install(stop::countDown, () -> System.exit(130));
    session(engine, project, rules, printer).run(() -> stop.getCount() == 0);
    return 0;
  }

  static WatchRules rules(Project project, List<String> services) {
    WatchRules rules = WatchRules.of(project, services);
    if (rules.isEmpty()) {
      throw new UserError("none of the selected services is configured for watch, consider setting a 'develop' section");
    }
    return rules;
  }

  /** A session on this host's runtime: syncs write into the containers' roots, hooks run as exec. */
  static WatchSession session(ComposeService engine, Project project, WatchRules rules, Consumer<Event> printer) {
    ContainerRuntime runtime = CommandContext.runtime.get();
    return new WatchSession(engine, new ContainerFileWriter(runtime), (container, hook) -> hook(runtime, container, hook), project, rules, printer);
  }

  private static int hook(ContainerRuntime runtime, String container, DevelopConfig.ExecHook hook) {
    List<String> env = new ArrayList<>();
    hook.environment().forEach((k, v) -> env.add(k + "=" + v));
    ExecSession s = runtime.exec(container, new ExecSpec(hook.command(), env, hook.workingDir(), hook.user(), false, false));
    try {
      s.stdout().transferTo(System.out);
      s.stderr().transferTo(System.err);
      return s.exitCode().get(5, TimeUnit.MINUTES);
    } catch (Exception e) {
      return -1;
    } finally {
      try {
        OutputStream in = s.stdin();
        in.close();
      } catch (java.io.IOException ignored) {
        // no stdin attached
      }
    }
  }
}
