package dev.jcompose.scheduler.api;

import dev.jcompose.model.api.Project;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The verbs the engine serves: they change or watch what the engine supervises. Implemented
 * in-process by the engine and, with the same contract, by the client that talks to it over its
 * unix socket. Methods block until the verb is done; progress and lifecycle events go to the given
 * listener as they happen.
 */
public interface EngineVerbs extends ProjectVerbs {

  /**
   * These verbs for one call with the caller's global flags; implementations that have none ignore
   * them.
   */
  default EngineVerbs with(CallSettings settings) {
    return this;
  }

  /** Creates/recreates/starts what the project needs; returns the containers of the project. */
  List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress);

  /** Creates and starts a one-off container for {@code service}; returns its summary. */
  ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress);

  /** A container's state, health log, mounts, networks and limits. */
  ContainerDetails inspect(ContainerRef container);

  /** The networks on this host, by name; {@code names} empty = all. */
  List<NetworkDetails> networks(List<String> names);

  /** Removes stopped containers, unused networks and images (and volumes), of every project. */
  PruneReport prune(PruneOptions options, Consumer<Event> progress);

  /**
   * Builds the images of the services with a build section ({@code options.services()} empty =
   * all), in dependency order, tagged {@code image:} or {@code <project>-<service>} plus {@code
   * build.tags}; build steps and their output come as events.
   */
  void build(Project project, BuildOptions options, Consumer<Event> progress);

  /** Pushes the images of the services that have both a build section and an image name. */
  void push(Project project, PushOptions options, Consumer<Event> progress);

  /**
   * Waits for a container to exit and returns its exit code (for up --abort-on-container-exit,
   * run).
   */
  int waitExit(String containerName);

  /** Removes one container (used by run --rm). */
  void removeContainer(String containerName, boolean force);

  /**
   * Streams lifecycle and health events of a project until {@code stop} returns true, starting with
   * the recent ones at or after {@code since} (null = only new ones), as docker's {@code events
   * --since}: a caller that subscribes after acting misses nothing it caused. A container's {@code
   * die} event says in its {@code restart} attribute whether the engine will start it again.
   */
  void events(String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop);
}
