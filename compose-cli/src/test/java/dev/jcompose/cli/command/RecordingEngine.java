package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A ComposeService recording calls as text; {@link #failWith} makes every call throw. */
final class RecordingEngine implements ComposeService {
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
  public void down(String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    record("down " + projectName + (projectOrNull == null ? " (no project)" : ""), options);
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    record("ps " + projectName, options);
    return containers;
  }

  @Override
  public void stop(String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("stop " + projectName + " " + services + " " + timeoutSeconds, null);
  }

  @Override
  public void start(String projectName, List<String> services, Consumer<Event> progress) {
    record("start " + projectName + " " + services, null);
  }

  @Override
  public void restart(String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("restart " + projectName + " " + services + " " + timeoutSeconds, null);
  }

  @Override
  public void build(Project project, dev.jcompose.scheduler.api.BuildOptions options, Consumer<Event> progress) {
    record("build " + project.name(), options);
  }

  @Override
  public void push(Project project, dev.jcompose.scheduler.api.PushOptions options, Consumer<Event> progress) {
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
  public void events(String projectName, Consumer<Event> sink, BooleanSupplier stop) {
    record("events " + projectName, null);
    sink.accept(new Event(Instant.parse("2026-01-02T03:04:05.5Z"), "Container " + projectName + "-web-1", "start", "", Map.of("service", "web", "image", "busybox")));
  }
}
