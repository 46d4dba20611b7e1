package dev.jcompose.scheduler.verbs;

import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.host.Failures;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.names.NoContainer;
import dev.jcompose.scheduler.ops.DryRun;
import dev.jcompose.scheduler.ops.EngineContext;
import dev.jcompose.scheduler.ops.Executions;
import dev.jcompose.scheduler.ops.Observer;
import dev.jcompose.scheduler.ops.Progress;
import dev.jcompose.scheduler.ops.Signals;
import dev.jcompose.scheduler.ops.UpRunner;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import dev.jcompose.scheduler.state.ObservedContainer;
import java.util.List;
import java.util.function.Predicate;

/**
 * The verbs that act on a project's existing containers one by one: {@code kill}, {@code pause},
 * {@code unpause} and {@code rm}. Each runs under the project's lock and reports docker compose's
 * progress lines; with {@code --dry-run} it reports and does nothing.
 */
final class ContainerVerbs {
  private final EngineContext ctx;
  private final CallSettings settings;

  ContainerVerbs(EngineContext ctx, CallSettings settings) {
    this.ctx = ctx;
    this.settings = settings;
  }

  /**
   * SIGKILL or the container's own stop signal mean "stop": the engine will not restart the
   * container for that exit (docker counts a kill as a manual stop). Another signal (SIGHUP to
   * reload) leaves the restart policy in charge should the process die of it.
   */
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  void kill(String project, KillOptions o, Progress progress) {
    int signal = Signals.parse(o.signal());
    try (var lock = new Locked(ctx, project)) {
      if (o.removeOrphans()) {
        removeOrphans(project, o.projectServices(), progress);
      }
      for (ContainerState c :
          containers(project, o.services(), s -> s.status() == ContainerState.Status.RUNNING)) {
        progress.container(c.id(), "Killing");
        if (settings.dryRun()) {
          DryRun.report(progress, "Container " + c.id(), "Killed");
          continue;
        }
        if (signal == Signals.SIGKILL
            || signal == Signals.parse(c.labels().get(Labels.STOP_SIGNAL))) {
          ctx.supervisor().expectStop(c.id());
          ctx.state().setUserStopped(c.id(), true);
        }
        Failures.translated(
            () -> {
              ctx.runtime().kill(c.id(), signal);
              return null;
            });
        progress.container(c.id(), "Killed");
      }
    }
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  void pause(String project, List<String> services, Progress progress) {
    try (var lock = new Locked(ctx, project)) {
      for (ContainerState c :
          containers(
              project, services, s -> s.status() == ContainerState.Status.RUNNING && !s.paused())) {
        step(progress, c.id(), "Pausing", "Paused", () -> ctx.runtime().pause(c.id()));
      }
    }
  }

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  void unpause(String project, List<String> services, Progress progress) {
    try (var lock = new Locked(ctx, project)) {
      for (ContainerState c : containers(project, services, ContainerState::paused)) {
        step(progress, c.id(), "Unpausing", "Unpaused", () -> ctx.runtime().unpause(c.id()));
      }
    }
  }

  /**
   * docker compose rm: stopped containers (with {@code stop}, running ones stopped first), one-offs
   * included.
   */
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  List<String> remove(String project, RemoveOptions o, Progress progress) {
    try (var lock = new Locked(ctx, project)) {
      List<ObservedContainer> cs =
          Observer.projectContainers(ctx.runtime(), project).stream()
              .filter(
                  c ->
                      o.services().isEmpty()
                          || o.services().contains(c.labels().get(Labels.SERVICE)))
              .filter(c -> o.stop() || c.status() != ContainerState.Status.RUNNING)
              .map(ObservedContainer::of)
              .toList();
      if (!cs.isEmpty()) {
        Executions.run(
            ctx,
            LifecyclePlanner.down(cs, List.of(), List.of(), true),
            new UpRunner(ctx, null, cs, progress, null, true, o.volumes()),
            progress,
            settings);
      }
      return cs.stream().map(ObservedContainer::name).toList();
    }
  }

  private void removeOrphans(String project, List<String> declared, Progress progress) {
    List<ObservedContainer> orphans =
        Observer.projectContainers(ctx.runtime(), project).stream()
            .map(ObservedContainer::of)
            .filter(c -> !c.oneoff() && !declared.contains(c.service()))
            .toList();
    if (!orphans.isEmpty()) {
      Executions.run(
          ctx,
          LifecyclePlanner.down(orphans, List.of(), List.of(), true),
          new UpRunner(ctx, null, orphans, progress, null, true, false),
          progress,
          settings);
    }
  }

  private void step(Progress progress, String name, String doing, String done, Runnable action) {
    progress.container(name, doing);
    if (settings.dryRun()) {
      DryRun.report(progress, "Container " + name, done);
      return;
    }
    Failures.translated(
        () -> {
          action.run();
          return null;
        });
    progress.container(name, done);
  }

  /**
   * The project's service containers (no one-offs) of {@code services} (empty = all) that {@code
   * which} accepts.
   */
  private List<ContainerState> containers(
      String project, List<String> services, Predicate<ContainerState> which) {
    List<ContainerState> cs =
        Observer.projectContainers(ctx.runtime(), project).stream()
            .filter(c -> !"True".equals(c.labels().get(Labels.ONEOFF)))
            .filter(
                c ->
                    services == null
                        || services.isEmpty()
                        || services.contains(c.labels().get(Labels.SERVICE)))
            .toList();
    if (cs.isEmpty() && services != null && !services.isEmpty()) {
      throw NoContainer.forServices(services);
    }
    return cs.stream().filter(which).toList();
  }
}
