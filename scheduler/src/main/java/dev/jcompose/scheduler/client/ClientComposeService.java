package dev.jcompose.scheduler.client;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.api.LocalVerbs;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.VolumeSummary;
import dev.jcompose.scheduler.api.WatchOptions;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The CLI's {@link ComposeService}: engine verbs go to the engine, reached (and started if needed)
 * on the first such call; the other verbs run in this process, so {@code logs} works while no
 * engine runs.
 */
public final class ClientComposeService implements ComposeService {
  private final Supplier<EngineVerbs> engine;
  private final LocalVerbs local;
  private EngineVerbs connected;

  public ClientComposeService(Supplier<EngineVerbs> engine, LocalVerbs local) {
    this.engine = engine;
    this.local = local;
  }

  private synchronized EngineVerbs engine() {
    if (connected == null) {
      connected = engine.get();
    }
    return connected;
  }

  @Override
  public List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress) {
    return engine().up(project, options, progress);
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    engine().down(projectName, projectOrNull, options, progress);
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    return engine().ps(projectName, options);
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    engine().stop(projectName, services, timeoutSeconds, progress);
  }

  @Override
  public void start(String projectName, List<String> services, Consumer<Event> progress) {
    engine().start(projectName, services, progress);
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    engine().restart(projectName, services, timeoutSeconds, progress);
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    return engine().run(project, options, progress);
  }

  @Override
  public void build(Project project, BuildOptions options, Consumer<Event> progress) {
    engine().build(project, options, progress);
  }

  @Override
  public void push(Project project, PushOptions options, Consumer<Event> progress) {
    engine().push(project, options, progress);
  }

  @Override
  public int waitExit(String containerName) {
    return engine().waitExit(containerName);
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    engine().removeContainer(containerName, force);
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    engine().events(projectName, since, sink, stop);
  }

  @Override
  public void logs(String projectName, LogOptions options, LogSink sink, BooleanSupplier stop) {
    local.logs(projectName, options, sink, stop);
  }

  @Override
  public ExecProcess exec(String projectName, ExecOptions options) {
    return local.exec(projectName, options);
  }

  @Override
  public void pull(Project project, PullOptions options, Consumer<Event> progress) {
    local.pull(project, options, progress);
  }

  @Override
  public List<ImageSummary> images(Project project, List<String> services) {
    return local.images(project, services);
  }

  @Override
  public List<VolumeSummary> volumes(String projectName) {
    return local.volumes(projectName);
  }

  @Override
  public void watch(
      Project project, WatchOptions options, Consumer<Event> progress, BooleanSupplier stop) {
    local.watch(project, options, progress, stop);
  }

  @Override
  public String removeVolume(String projectName, String name) {
    return local.removeVolume(projectName, name);
  }
}
