package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A ComposeService recording calls as text; {@link #failWith} makes every call throw. */
class RecordingEngine implements ComposeService {
  final List<String> calls = new ArrayList<>();
  Object last;
  ComposeException failWith;
  List<ContainerSummary> containers = List.of();

  private void record(String call, Object arg) {
    calls.add(call);
    last = arg;
    if (failWith != null) {
      throw failWith;
    }
  }

  static Event event(String resource, String action) {
    return new Event(Instant.EPOCH, resource, action, "", Map.of());
  }

  @Override
  public List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress) {
    record("up " + project.name(), options);
    progress.accept(event("Container " + project.name() + "-web-1", "Started"));
    return containers;
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    record("down " + projectName + (projectOrNull == null ? " (no project)" : ""), options);
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    record("ps " + projectName, options);
    return containers;
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("stop " + projectName + " " + services + " " + timeoutSeconds, null);
  }

  @Override
  public void start(String projectName, List<String> services, Consumer<Event> progress) {
    record("start " + projectName + " " + services, null);
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("restart " + projectName + " " + services + " " + timeoutSeconds, null);
  }

  @Override
  public void build(
      Project project, dev.jcompose.scheduler.api.BuildOptions options, Consumer<Event> progress) {
    record("build " + project.name(), options);
  }

  @Override
  public void push(
      Project project, dev.jcompose.scheduler.api.PushOptions options, Consumer<Event> progress) {
    record("push " + project.name(), options);
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    record("run " + project.name(), options);
    return containers.get(0);
  }

  @Override
  public int waitExit(String containerName) {
    record("wait " + containerName, null);
    return 3;
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    record("rm " + containerName + " " + force, null);
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    record("events " + projectName, since);
    sink.accept(
        new Event(
            Instant.parse("2026-01-02T03:04:05.5Z"),
            "Container " + projectName + "-web-1",
            "start",
            "",
            Map.of("service", "web", "image", "busybox")));
  }

  @Override
  public void logs(String projectName, LogOptions options, LogSink sink, BooleanSupplier stop) {
    record("logs " + projectName, options);
    sink.containers(List.of(projectName + "-web-1", projectName + "-db-1"));
    sink.accept(new LogEntry(projectName + "-web-1", Instant.EPOCH, false, "hello"));
    sink.accept(new LogEntry(projectName + "-db-1", Instant.EPOCH, true, "oops"));
  }

  @Override
  public ExecProcess exec(String projectName, ExecOptions options) {
    record("exec " + projectName, options);
    throw new ComposeException(
        ComposeException.Kind.NOT_FOUND, "service \"" + options.service() + "\" is not running");
  }

  @Override
  public void pull(Project project, PullOptions options, Consumer<Event> progress) {
    record("pull " + project.name(), options);
    progress.accept(event("web", "Pulling"));
    progress.accept(event("web", "Pulled"));
  }

  @Override
  public List<ImageSummary> images(Project project, List<String> services) {
    record("images " + project.name(), services);
    return List.of(
        new ImageSummary(
            project.name() + "-web-1", "busybox", "latest", "sha256:" + "ab".repeat(32), 4_261_000),
        new ImageSummary("", "redis", "7", null, 0));
  }

  @Override
  public List<VolumeSummary> volumes(String projectName) {
    record("volumes " + projectName, null);
    return List.of(
        new VolumeSummary(
            projectName + "_db", "local", "/v/" + projectName + "_db", Map.of("k", "v")));
  }

  @Override
  public String removeVolume(String projectName, String name) {
    record("volume rm " + projectName + " " + name, null);
    return projectName + "_" + name;
  }

  @Override
  public void watch(
      Project project,
      dev.jcompose.scheduler.api.WatchOptions options,
      Consumer<Event> progress,
      BooleanSupplier stop) {
    record("watch " + project.name(), options);
  }
}
