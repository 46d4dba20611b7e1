package dev.jcompose.scheduler.client;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.names.NoContainer;
import dev.jcompose.scheduler.ops.Signals;
import dev.jcompose.scheduler.plan.LifecyclePlanner;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine's answers about a project of which this host holds nothing (no container, and for
 * {@code down} nothing else it would remove), given without starting an engine: docker compose
 * starts no daemon to find nothing either. Each verb fails or returns as the engine's does on an
 * empty project (same checks, same {@link NoContainer} wording, no progress); verbs that create or
 * name something outside the project's containers are never asked here.
 */
final class EmptyProject implements EngineVerbs {
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
    List<String> all =
        services == null || services.isEmpty()
            ? List.of()
            : LifecyclePlanner.withRestartDependants(List.of(), services);
    start(projectName, StartOptions.of(all), progress);
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

  @Override
  public List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress) {
    throw notAboutContainers();
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    throw notAboutContainers();
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    throw notAboutContainers();
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    throw notAboutContainers();
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> progress) {
    throw notAboutContainers();
  }

  @Override
  public void build(Project project, BuildOptions options, Consumer<Event> progress) {
    throw notAboutContainers();
  }

  @Override
  public void push(Project project, PushOptions options, Consumer<Event> progress) {
    throw notAboutContainers();
  }

  @Override
  public int waitExit(String containerName) {
    throw notAboutContainers();
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    throw notAboutContainers();
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    throw notAboutContainers();
  }

  private static IllegalStateException notAboutContainers() {
    return new IllegalStateException("only the engine answers this verb");
  }
}
