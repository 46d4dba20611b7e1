package dev.jcompose.scheduler.api;

import dev.jcompose.model.api.Project;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine's verbs about a project's existing containers (and, for {@code down}, its networks and
 * volumes): with nothing of the project on the host they have nothing to act on, so a client may
 * answer them without an engine.
 */
public interface ProjectVerbs {
  /** Stops and removes the project's containers, networks and (with volumes) volumes. */
  void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress);

  List<ContainerSummary> ps(String projectName, PsOptions options);

  void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress);

  /**
   * Starts existing containers (dependencies first); with {@code --wait}, until running or healthy.
   */
  void start(String projectName, StartOptions options, Consumer<Event> progress);

  void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress);

  /**
   * Sends a signal to the running containers of services; the engine does not restart them for it.
   */
  void kill(String projectName, KillOptions options, Consumer<Event> progress);

  /** Freezes the running containers of services (cgroup freezer). */
  void pause(String projectName, List<String> services, Consumer<Event> progress);

  /** Thaws the paused containers of services. */
  void unpause(String projectName, List<String> services, Consumer<Event> progress);

  /** Removes stopped containers of services ({@code rm}); returns the names removed. */
  List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress);
}
