package dev.jcompose.scheduler.client;

import dev.jcompose.model.api.Project;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.BuildOptions;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.CommitOptions;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.CopyOptions;
import dev.jcompose.scheduler.api.DiskUsage;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.FileChange;
import dev.jcompose.scheduler.api.ImageDetails;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.LocalVerbs;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.api.ProjectVerbs;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.PushOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.StatsSample;
import dev.jcompose.scheduler.api.StoreVerbs;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.VolumeDetails;
import dev.jcompose.scheduler.api.VolumeSummary;
import dev.jcompose.scheduler.api.WatchOptions;
import dev.jcompose.scheduler.host.ProjectNetworks;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The CLI's {@link ComposeService}: engine verbs go to the engine, reached (and started if needed)
 * on the first such call, with the command's global flags; the other verbs run in this process, so
 * {@code logs}, {@code cp} or {@code image ls} work while no engine runs.
 */
public final class ClientComposeService implements ComposeService {
  private final Supplier<EngineVerbs> engine;
  private final LocalVerbs local;
  private final StoreVerbs stores;
  private final CallSettings settings;
  private final BooleanSupplier engineRuns;
  private final Supplier<List<NetworkInfo>> recordedNetworks;
  private EngineVerbs connected;

  /**
   * {@code engineRuns}: whether an engine answers right now, without starting one (verbs about the
   * project's containers ask it before they would start an engine for nothing); {@code
   * recordedNetworks}: the networks an engine would own, read without one.
   */
  public ClientComposeService(
      Supplier<EngineVerbs> engine,
      BooleanSupplier engineRuns,
      Supplier<List<NetworkInfo>> recordedNetworks,
      LocalVerbs local,
      StoreVerbs stores,
      CallSettings settings) {
    this.engine = engine;
    this.engineRuns = engineRuns;
    this.recordedNetworks = recordedNetworks;
    this.local = local;
    this.stores = stores;
    this.settings = settings;
  }

  /**
   * Who answers a verb about the project's existing containers: the engine, or, when no engine runs
   * and this host holds no container of the project (the runtime's state, read in this process) and
   * {@code nothingElse} says there is nothing else for the verb to act on, {@link EmptyProject}
   * with the engine's answer for an empty project. As with docker compose, finding nothing must not
   * leave a daemon behind. With containers but no engine, the engine is started as for any verb (it
   * is what acts on them).
   */
  private synchronized ProjectVerbs about(String projectName, BooleanSupplier nothingElse) {
    if (connected == null
        && !engineRuns.getAsBoolean()
        && local.projects(true).stream().noneMatch(p -> p.name().equals(projectName))
        && nothingElse.getAsBoolean()) {
      return EmptyProject.VERBS;
    }
    return engine();
  }

  private ProjectVerbs about(String projectName) {
    return about(projectName, () -> true);
  }

  /**
   * {@code down} of a project without containers still removes its networks, its volumes with
   * {@code -v}, and reports on its images with {@code --rmi} (a missing one is warned about): only
   * with none of these is there nothing for it to do.
   */
  private boolean nothingToTakeDown(String projectName, Project project, DownOptions options) {
    if (options.removeImages() != null
        || (options.removeVolumes() && !local.volumes(projectName).isEmpty())) {
      return false;
    }
    try {
      return recordedNetworks.get().stream()
          .noneMatch(n -> ProjectNetworks.belongs(n, projectName, project));
    } catch (NetworkException unreadable) {
      return false; // the engine, which owns the network state, reads it and reports
    }
  }

  private synchronized EngineVerbs engine() {
    if (connected == null) {
      connected = engine.get().with(settings);
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
    about(projectName, () -> nothingToTakeDown(projectName, projectOrNull, options))
        .down(projectName, projectOrNull, options, progress);
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    return about(projectName).ps(projectName, options); // also rm, port and wait: they look first
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    about(projectName).stop(projectName, services, timeoutSeconds, progress);
  }

  @Override
  public void start(String projectName, StartOptions options, Consumer<Event> progress) {
    about(projectName).start(projectName, options, progress);
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    about(projectName).restart(projectName, services, timeoutSeconds, progress);
  }

  @Override
  public void kill(String projectName, KillOptions options, Consumer<Event> progress) {
    about(projectName).kill(projectName, options, progress);
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> progress) {
    about(projectName).pause(projectName, services, progress);
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> progress) {
    about(projectName).unpause(projectName, services, progress);
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress) {
    return about(projectName).remove(projectName, options, progress);
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    return engine().inspect(container);
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    return engine().networks(names);
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> progress) {
    return engine().prune(options, progress);
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

  @Override
  public List<ProjectSummary> projects(boolean all) {
    return local.projects(all);
  }

  @Override
  public List<ContainerProcesses> top(String projectName, List<String> services) {
    return local.top(projectName, services);
  }

  @Override
  public List<StatsSample> stats(String projectName, List<String> services, boolean all) {
    return local.stats(projectName, services, all);
  }

  @Override
  public void copy(String projectName, CopyOptions options, InputStream in, OutputStream out) {
    local.copy(projectName, options, in, out);
  }

  @Override
  public List<FileChange> diff(ContainerRef container) {
    return local.diff(container);
  }

  @Override
  public void export(ContainerRef container, OutputStream out) {
    local.export(container, out);
  }

  @Override
  public String commit(CommitOptions options) {
    return local.commit(options);
  }

  @Override
  public ExecProcess attach(AttachOptions options) {
    return local.attach(options);
  }

  @Override
  public List<ImageDetails> imageList(List<String> references) {
    return stores.imageList(references);
  }

  @Override
  public List<String> imageRemove(
      List<String> references, boolean force, Consumer<Event> progress) {
    return stores.imageRemove(references, force, progress);
  }

  @Override
  public PruneReport imagePrune(boolean all, Consumer<Event> progress) {
    return stores.imagePrune(all, progress);
  }

  @Override
  public void imageTag(String source, String target) {
    stores.imageTag(source, target);
  }

  @Override
  public void imageSave(List<String> references, OutputStream out) {
    stores.imageSave(references, out);
  }

  @Override
  public List<String> imageLoad(InputStream in, Consumer<Event> progress) {
    return stores.imageLoad(in, progress);
  }

  @Override
  public VolumeDetails volumeCreate(String name, Map<String, String> labels) {
    return stores.volumeCreate(name, labels);
  }

  @Override
  public List<VolumeDetails> volumeInspect(List<String> names) {
    return stores.volumeInspect(names);
  }

  @Override
  public PruneReport volumePrune(boolean all, Consumer<Event> progress) {
    return stores.volumePrune(all, progress);
  }

  @Override
  public DiskUsage diskUsage() {
    return stores.diskUsage();
  }
}
