package dev.jcompose.scheduler.client;

import dev.jcompose.common.json.TypeRef;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.RuntimePaths;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
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
  private final CallSettings settings;

  public RemoteComposeService(Path socket) {
    this(socket, ClientTimeouts.defaults());
  }

  public RemoteComposeService(Path socket, ClientTimeouts timeouts) {
    this(
        new ApiCalls(new UnixHttpClient(socket, timeouts.connect()), timeouts),
        CallSettings.DEFAULT);
  }

  private RemoteComposeService(ApiCalls calls, CallSettings settings) {
    this.calls = calls;
    this.settings = settings;
  }

  /** Every later call carries the global flags ({@code ?dryRun=true&parallel=n}). */
  @Override
  public RemoteComposeService with(CallSettings s) {
    return new RemoteComposeService(calls, s);
  }

  /** {@code path} with the global flags as query parameters. */
  private String flagged(String path) {
    if (!settings.dryRun() && settings.parallel() <= 0) {
      return path;
    }
    String sep = path.contains("?") ? "&" : "?";
    return path
        + sep
        + (settings.dryRun() ? "dryRun=true" : "dryRun=false")
        + (settings.parallel() > 0 ? "&parallel=" + settings.parallel() : "");
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
        flagged(ApiRoutes.project(project.name(), "up")),
        new Requests.Up(project, options),
        progress,
        SUMMARIES);
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    calls.stream(
        "down",
        flagged(ApiRoutes.project(projectName, "down")),
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
        flagged(ApiRoutes.project(projectName, "stop")),
        new Requests.Services(services, timeoutSeconds),
        progress,
        null);
  }

  @Override
  public void start(String projectName, StartOptions options, Consumer<Event> progress) {
    calls.stream(
        "start",
        flagged(ApiRoutes.project(projectName, "start")),
        new Requests.Start(options),
        progress,
        null);
  }

  @Override
  public void kill(String projectName, KillOptions options, Consumer<Event> progress) {
    calls.stream(
        "kill",
        flagged(ApiRoutes.project(projectName, "kill")),
        new Requests.Kill(options),
        progress,
        null);
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> progress) {
    calls.stream(
        "pause",
        flagged(ApiRoutes.project(projectName, "pause")),
        new Requests.Services(services, null),
        progress,
        null);
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> progress) {
    calls.stream(
        "unpause",
        flagged(ApiRoutes.project(projectName, "unpause")),
        new Requests.Services(services, null),
        progress,
        null);
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress) {
    return calls.stream(
        "rm",
        flagged(ApiRoutes.project(projectName, "rm")),
        new Requests.Remove(options),
        progress,
        TypeRef.listOf(String.class));
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    String path =
        container.name() != null
            ? ApiRoutes.container(container.name()) + "/json"
            : ApiRoutes.project(container.project(), "inspect")
                + "?service="
                + ApiRoutes.encode(container.service())
                + "&index="
                + container.index();
    return calls.query("GET", path, TypeRef.of(ContainerDetails.class));
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    StringBuilder q = new StringBuilder();
    for (String n : names == null ? List.<String>of() : names) {
      q.append(q.length() == 0 ? "?" : "&").append("name=").append(ApiRoutes.encode(n));
    }
    return calls.query(
        "GET", ApiRoutes.PREFIX + "/networks" + q, TypeRef.listOf(NetworkDetails.class));
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> progress) {
    return calls.stream(
        "prune",
        flagged(ApiRoutes.PREFIX + "/prune"),
        new Requests.Prune(options),
        progress,
        TypeRef.of(PruneReport.class));
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    calls.stream(
        "restart",
        flagged(ApiRoutes.project(projectName, "restart")),
        new Requests.Services(services, timeoutSeconds),
        progress,
        null);
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    return calls.stream(
        "run",
        flagged(ApiRoutes.project(project.name(), "run")),
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
