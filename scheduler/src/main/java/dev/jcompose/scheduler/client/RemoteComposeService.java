package dev.jcompose.scheduler.client;

import dev.jcompose.common.json.TypeRef;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.wire.ApiRoutes;
import dev.jcompose.scheduler.wire.Requests;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The engine's verbs over its unix socket, with the same contract as the in-process engine:
 * failures come back as {@link ComposeException} with the engine's kind and message; an unreachable
 * or silent engine is {@link ComposeException.Kind#UNAVAILABLE}. Stateless and thread-safe: every
 * call opens its own connection.
 */
public final class RemoteComposeService implements EngineVerbs {
  private static final TypeRef<List<ContainerSummary>> SUMMARIES =
      TypeRef.listOf(ContainerSummary.class);

  private final ApiCalls calls;

  public RemoteComposeService(Path socket) {
    this(socket, ClientTimeouts.defaults());
  }

  public RemoteComposeService(Path socket, ClientTimeouts timeouts) {
    this.calls = new ApiCalls(new UnixHttpClient(socket, timeouts.connect()), timeouts);
  }

  /** The client for the engine of these state roots ({@code <runRoot>/engine.sock}). */
  public static RemoteComposeService forPaths(RuntimePaths paths) {
    return new RemoteComposeService(socketOf(paths));
  }

  public static Path socketOf(RuntimePaths paths) {
    return paths.runRoot().resolve("engine.sock");
  }

  /** {@code GET /v1/version}: also the cheap "is an engine answering?" probe. */
  public Requests.Version version() {
    return calls.query("GET", ApiRoutes.PREFIX + "/version", TypeRef.of(Requests.Version.class));
  }

  /** Asks the engine to exit; containers keep running. */
  public void shutdown() {
    calls.query("POST", ApiRoutes.PREFIX + "/shutdown", new byte[0], null);
  }

  @Override
  public List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress) {
    return calls.stream(
        "up",
        ApiRoutes.project(project.name(), "up"),
        new Requests.Up(project, options),
        progress,
        SUMMARIES);
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    calls.stream(
        "down",
        ApiRoutes.project(projectName, "down"),
        new Requests.Down(projectOrNull, options),
        progress,
        null);
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    return calls.query("GET", ApiRoutes.project(projectName, "ps") + Query.of(options), SUMMARIES);
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    calls.stream(
        "stop",
        ApiRoutes.project(projectName, "stop"),
        new Requests.Services(services, timeoutSeconds),
        progress,
        null);
  }

  @Override
  public void start(String projectName, List<String> services, Consumer<Event> progress) {
    calls.stream(
        "start",
        ApiRoutes.project(projectName, "start"),
        new Requests.Services(services, null),
        progress,
        null);
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    calls.stream(
        "restart",
        ApiRoutes.project(projectName, "restart"),
        new Requests.Services(services, timeoutSeconds),
        progress,
        null);
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    return calls.stream(
        "run",
        ApiRoutes.project(project.name(), "run"),
        new Requests.Run(project, options),
        progress,
        TypeRef.of(ContainerSummary.class));
  }

  @Override
  public void build(Project project, BuildOptions options, Consumer<Event> progress) {
    calls.stream(
        "build",
        ApiRoutes.project(project.name(), "build"),
        new Requests.Build(project, options),
        progress,
        null);
  }

  @Override
  public void push(Project project, PushOptions options, Consumer<Event> progress) {
    calls.stream(
        "push",
        ApiRoutes.project(project.name(), "push"),
        new Requests.Push(project, options),
        progress,
        null);
  }

  @Override
  public int waitExit(String containerName) {
    Requests.WaitResult r =
        calls.streamGet(
            ApiRoutes.container(containerName) + "/wait",
            null,
            TypeRef.of(Requests.WaitResult.class),
            null);
    return r.exitCode();
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    calls.query("DELETE", ApiRoutes.container(containerName) + (force ? "?force=true" : ""), null);
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    String query = since == null ? "" : "?since=" + ApiRoutes.encode(since.toString());
    calls.streamGet(ApiRoutes.project(projectName, "events") + query, sink, null, stop);
  }
}
