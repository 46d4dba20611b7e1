package dev.jcompose.scheduler.host;

import dev.jcompose.common.lazy.Lazy;
import dev.jcompose.model.api.Project;
import dev.jcompose.runtime.api.ContainerFiles;
import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.runtime.api.ExecSession;
import dev.jcompose.runtime.api.ExecSpec;
import dev.jcompose.runtime.api.FileTree;
import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.runtime.api.LogReader;
import dev.jcompose.runtime.api.VolumeService;
import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.CommitOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.CopyOptions;
import dev.jcompose.scheduler.api.EngineVerbs;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.FileChange;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.api.LocalVerbs;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.StatsSample;
import dev.jcompose.scheduler.api.VolumeSummary;
import dev.jcompose.scheduler.api.WatchOptions;
import dev.jcompose.scheduler.names.Labels;
import dev.jcompose.scheduler.watch.WatchRules;
import dev.jcompose.scheduler.watch.WatchSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The verbs that work on the host's stores directly, in the caller's process: the CLI's when the
 * engine is not needed, and the engine's own. Each store is built on first use, so {@code volume
 * ls} never touches cgroups. Runtime failures leave as {@link ComposeException}s.
 */
public final class HostVerbs implements LocalVerbs {
  private final Supplier<ContainerRuntime> runtime;
  private final Supplier<LogReader> logs;
  private final Supplier<ImageService> images;
  private final Supplier<VolumeService> volumes;
  private final CallSettings settings;
  private final Supplier<ContainerFiles> files;
  private final Supplier<EngineVerbs> engine;

  public HostVerbs(
      Supplier<ContainerRuntime> runtime,
      Supplier<LogReader> logs,
      Supplier<ImageService> images,
      Supplier<VolumeService> volumes,
      Supplier<ContainerFiles> files,
      Supplier<EngineVerbs> engine) {
    this(runtime, logs, images, volumes, files, engine, CallSettings.DEFAULT);
  }

  /**
   * @param files writes into running containers (watch syncs)
   * @param engine the engine verbs that watch's restarts and rebuilds use
   * @param settings the global flags of one command (dry run, parallelism)
   */
  public HostVerbs(
      Supplier<ContainerRuntime> runtime,
      Supplier<LogReader> logs,
      Supplier<ImageService> images,
      Supplier<VolumeService> volumes,
      Supplier<ContainerFiles> files,
      Supplier<EngineVerbs> engine,
      CallSettings settings) {
    this.runtime = Lazy.of(runtime);
    this.logs = Lazy.of(logs);
    this.images = Lazy.of(images);
    this.volumes = Lazy.of(volumes);
    this.files = Lazy.of(files);
    this.engine = Lazy.of(engine);
    this.settings = settings;
  }

  /** The same stores with the global flags of one command. */
  public HostVerbs with(CallSettings s) {
    return new HostVerbs(runtime, logs, images, volumes, files, engine, s);
  }

  /** The host's image and volume stores as a whole, over the same suppliers. */
  public HostStores stores() {
    return new HostStores(runtime, images, volumes, settings);
  }

  @Override
  public void logs(String projectName, LogOptions options, LogSink sink, BooleanSupplier stop) {
    Failures.translated(
        () -> {
          new LogStreams(runtime.get(), logs.get()).logs(projectName, options, sink, stop);
          return null;
        });
  }

  @Override
  public ExecProcess exec(String projectName, ExecOptions o) {
    return Failures.translated(
        () -> {
          ContainerState c = running(projectName, o.service(), o.index());
          ExecSession s =
              runtime
                  .get()
                  .exec(
                      c.id(),
                      new ExecSpec(
                          o.command(),
                          o.env(),
                          o.workdir(),
                          o.user(),
                          o.tty(),
                          o.attachStdin(),
                          o.privileged()));
          return new Session(s);
        });
  }

  @Override
  public void pull(Project project, PullOptions options, Consumer<Event> progress) {
    new ImagePulls(images.get()).pull(project, options, progress);
  }

  @Override
  public List<ImageSummary> images(Project project, List<String> services) {
    return Failures.translated(
        () -> new ImageRows(runtime.get(), images.get()).of(project, services));
  }

  @Override
  public List<VolumeSummary> volumes(String projectName) {
    return Failures.translated(
        () ->
            volumes.get().list().stream()
                .filter(v -> projectName.equals(v.labels().get(Labels.PROJECT)))
                .sorted(Comparator.comparing(VolumeService.VolumeInfo::name))
                .map(v -> new VolumeSummary(v.name(), "local", v.dataDir().toString(), v.labels()))
                .toList());
  }

  @Override
  public void watch(
      Project project, WatchOptions options, Consumer<Event> progress, BooleanSupplier stop) {
    WatchRules rules = WatchRules.of(project, options.services());
    if (rules.isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.INVALID,
          "none of the selected services is configured for watch, consider setting a 'develop' section");
    }
    WatchSession session =
        new WatchSession(
            engine.get(),
            files.get(),
            new WatchHooks(runtime.get(), System.out, System.err),
            project,
            rules,
            progress);
    try {
      session.run(stop);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new ComposeException(ComposeException.Kind.INTERNAL, "watch: " + e.getMessage(), e);
    }
  }

  @Override
  public String removeVolume(String projectName, String name) {
    return Failures.translated(
        () -> {
          String actual = volumes.get().find(name).isPresent() ? name : projectName + "_" + name;
          if (!settings.dryRun()) {
            volumes.get().remove(actual);
          }
          return actual;
        });
  }

  @Override
  public List<ProjectSummary> projects(boolean all) {
    return Failures.translated(() -> new ProjectListing(runtime.get()).list(all));
  }

  @Override
  public List<ContainerProcesses> top(String projectName, List<String> services) {
    return Failures.translated(() -> new ContainerUsage(runtime.get()).top(projectName, services));
  }

  @Override
  public List<StatsSample> stats(String projectName, List<String> services, boolean all) {
    return Failures.translated(
        () -> new ContainerUsage(runtime.get()).stats(projectName, services, all));
  }

  @Override
  public void copy(String projectName, CopyOptions options, InputStream in, OutputStream out) {
    Failures.translated(
        () -> {
          new Copies(runtime.get(), settings).copy(projectName, options, in, out);
          return null;
        });
  }

  @Override
  public List<FileChange> diff(ContainerRef container) {
    return Failures.translated(
        () ->
            runtime.get().changes(name(container)).stream()
                .map(c -> new FileChange(c.kind(), c.path()))
                .toList());
  }

  @Override
  public void export(ContainerRef container, OutputStream out) {
    Failures.translated(
        () -> {
          try (FileTree tree = runtime.get().files(name(container))) {
            tree.archive("/", "", false, true, out);
          }
          return null;
        });
  }

  @Override
  public String commit(CommitOptions o) {
    return Failures.translated(
        () -> new Commits(runtime.get(), images.get(), settings).commit(name(o.container()), o));
  }

  @Override
  public ExecProcess attach(AttachOptions options) {
    return Failures.translated(
        () -> {
          ExecSession s = runtime.get().attach(name(options.container()));
          if (options.noStdin()) {
            closeQuietly(s.stdin());
          }
          return new Session(s);
        });
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // already gone
    }
  }

  /**
   * The container a reference names: by name, else the project's replica (running or not) of the
   * service.
   */
  private String name(ContainerRef ref) {
    if (ref.name() != null) {
      return ref.name();
    }
    return ProjectContainers.of(runtime.get(), ref.project(), List.of(ref.service())).stream()
        .filter(c -> ProjectContainers.isNumber(c, ref.index()))
        .map(ContainerState::id)
        .findFirst()
        .orElseThrow(
            () ->
                new ComposeException(
                    ComposeException.Kind.NOT_FOUND,
                    "service \"" + ref.service() + "\" has no container #" + ref.index()));
  }

  private ContainerState running(String project, String service, int index) {
    List<ContainerState> matches =
        ProjectContainers.of(runtime.get(), project, List.of(service)).stream()
            .filter(c -> ProjectContainers.isNumber(c, index))
            .toList();
    if (matches.isEmpty()) {
      throw new ComposeException(
          ComposeException.Kind.NOT_FOUND, "service \"" + service + "\" is not running");
    }
    if (matches.get(0).status() != ContainerState.Status.RUNNING) {
      throw new ComposeException(
          ComposeException.Kind.CONFLICT, "container " + matches.get(0).id() + " is not running");
    }
    if (matches.get(0).paused()) {
      throw new ComposeException(
          ComposeException.Kind.CONFLICT,
          "container " + matches.get(0).id() + " is paused, unpause the container before exec");
    }
    return matches.get(0);
  }

  /** The runtime's exec session as the API's process. */
  private record Session(ExecSession s) implements ExecProcess {
    @Override
    public OutputStream stdin() {
      return s.stdin();
    }

    @Override
    public InputStream stdout() {
      return s.stdout();
    }

    @Override
    public InputStream stderr() {
      return s.stderr();
    }

    @Override
    public CompletableFuture<Integer> exitCode() {
      return s.exitCode();
    }
  }
}
