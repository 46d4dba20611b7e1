package dev.jcompose.scheduler.client;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.ProjectVerbs;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.names.NoContainer;
import dev.jcompose.scheduler.ops.Signals;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's answers about a project of which this host holds nothing (no container, and for
 * {@code down} nothing else it would remove), given without starting an engine: docker compose
 * starts no daemon to find nothing either. Each verb fails or returns as the engine's does on an
 * empty project (same checks, same {@link NoContainer} wording, no progress).
 */
final class EmptyProject implements ProjectVerbs {
  static final EmptyProject VERBS = new EmptyProject();

  private EmptyProject() {}

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    return List.of();
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    // nothing to stop, no network or volume to remove: the engine's plan would be empty
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    // stopping no container, as the engine does for services that have none
  }

  @Override
  public void start(String projectName, StartOptions options, Consumer<Event> progress) {
    if (!options.services().isEmpty()) {
      throw NoContainer.toStart(options.services().get(0));
    }
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    start(projectName, StartOptions.of(LifecyclePlanner.toRestart(List.of(), services)), progress);
  }

  @Override
  public void kill(String projectName, KillOptions options, Consumer<Event> progress) {
    Signals.parse(options.signal()); // a bad signal fails first, as in the engine
    noneOf(options.services());
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> progress) {
    noneOf(services);
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> progress) {
    noneOf(services);
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress) {
    return List.of();
  }

  private static void noneOf(List<String> services) {
    if (services != null && !services.isEmpty()) {
      throw NoContainer.forServices(services);
    }
  }
}
