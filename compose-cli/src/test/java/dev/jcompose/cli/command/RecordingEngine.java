package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.CallSettings;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerDetails;
import dev.jcompose.scheduler.api.ContainerProcesses;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.CopyOptions;
import dev.jcompose.scheduler.api.DiskUsage;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.FileChange;
import dev.jcompose.scheduler.api.ImageDetails;
import dev.jcompose.scheduler.api.ImageSummary;
import dev.jcompose.scheduler.api.KillOptions;
import dev.jcompose.scheduler.api.LogEntry;
import dev.jcompose.scheduler.api.LogOptions;
import dev.jcompose.scheduler.api.LogSink;
import dev.jcompose.scheduler.api.NetworkDetails;
import dev.jcompose.scheduler.api.ProcessRow;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.api.PruneOptions;
import dev.jcompose.scheduler.api.PruneReport;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.PullOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.StatsSample;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.VolumeDetails;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** A ComposeService recording calls as text; {@link #failWith} makes every call throw. */
class RecordingEngine implements ComposeService {
  final List<String> calls = new ArrayList<>();
  CallSettings settings = CallSettings.DEFAULT;
  ContainerDetails details;
  int statsCalls;
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
  public void start(String projectName, StartOptions options, Consumer<Event> progress) {
    record(
        "start "
            + projectName
            + " "
            + options.services()
            + (options.waitHealthy() ? " --wait" : ""),
        options);
  }

  @Override
  public void kill(String projectName, KillOptions options, Consumer<Event> progress) {
    record("kill " + projectName + " " + options.services() + " " + options.signal(), options);
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> progress) {
    record("pause " + projectName + " " + services, null);
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> progress) {
    record("unpause " + projectName + " " + services, null);
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress) {
    record("remove " + projectName + " " + options.services(), options);
    return List.of(projectName + "-web-1");
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    record(
        "inspect "
            + (container.name() != null
                ? container.name()
                : container.project() + "/" + container.service()),
        container);
    return details;
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    record("networks " + names, null);
    return List.of(
        new NetworkDetails(
            "demo_default",
            "bridge",
            "jc1",
            "172.20.0.0/16",
            "172.20.0.1",
            false,
            Map.of(),
            List.of(
                new NetworkDetails.Attached("demo-web-1", "172.20.0.2", 16, "02:42:ac:14:00:02"))));
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> progress) {
    record("prune", options);
    return new PruneReport(
        List.of("demo-old-1"), List.of("demo_default"), List.of(), List.of(), 2048);
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
  public List<ProjectSummary> projects(boolean all) {
    record("ls " + all, null);
    return List.of(
        new ProjectSummary("demo", "running(2)", List.of("/srv/demo/compose.yaml")),
        new ProjectSummary("other", "exited(1)", List.of("/srv/other/compose.yaml")));
  }

  @Override
  public List<ContainerProcesses> top(String projectName, List<String> services) {
    record("top " + projectName + " " + services, null);
    return List.of(
        new ContainerProcesses(
            projectName + "-web-1",
            List.of(new ProcessRow("root", 4242, 4200, 0, "12:00", "?", "00:00:01", "sleep 300"))));
  }

  @Override
  public List<StatsSample> stats(String projectName, List<String> services, boolean all) {
    record("stats " + projectName, null);
    statsCalls++;
    return List.of(
        new StatsSample(
            projectName + "-web-1",
            "0123456789abcdef",
            "web",
            Instant.ofEpochSecond(statsCalls),
            statsCalls * 500_000_000L,
            10 << 20,
            100 << 20,
            3,
            4096,
            0,
            1500,
            700));
  }

  @Override
  public void copy(String projectName, CopyOptions options, InputStream in, OutputStream out) {
    record("cp " + options.source() + " " + options.destination(), options);
  }

  @Override
  public List<FileChange> diff(ContainerRef container) {
    record("diff " + container.name(), container);
    return List.of(
        new FileChange('C', "/etc"),
        new FileChange('A', "/etc/new"),
        new FileChange('D', "/tmp/gone"));
  }

  @Override
  public void export(ContainerRef container, OutputStream out) {
    record("export " + container.service(), container);
  }

  @Override
  public String commit(dev.jcompose.scheduler.api.CommitOptions options) {
    record("commit " + options.container().service() + " " + options.reference(), options);
    return options.reference();
  }

  @Override
  public ExecProcess attach(AttachOptions options) {
    record("attach " + options.container().name(), options);
    throw new ComposeException(ComposeException.Kind.NOT_FOUND, "not attachable");
  }

  @Override
  public List<ImageDetails> imageList(List<String> references) {
    record("image ls " + references, null);
    return List.of(
        new ImageDetails(
            "sha256:" + "ab".repeat(32),
            List.of("busybox:latest", "mybox:1"),
            List.of(),
            Instant.EPOCH,
            4_261_000,
            "amd64",
            "linux",
            null,
            List.of("sh"),
            List.of("PATH=/bin"),
            null,
            null,
            null,
            null,
            Map.of(),
            null,
            List.of("sha256:" + "cd".repeat(32)),
            List.of()));
  }

  @Override
  public List<String> imageRemove(
      List<String> references, boolean force, Consumer<Event> progress) {
    record("image rm " + references + " " + force, null);
    return List.of("Untagged: busybox:latest");
  }

  @Override
  public PruneReport imagePrune(boolean all, Consumer<Event> progress) {
    record("image prune " + all, null);
    return new PruneReport(
        List.of(),
        List.of(),
        List.of(),
        List.of("untagged: demo-web:latest", "deleted: sha256:" + "1".repeat(64)),
        4_096_000);
  }

  @Override
  public void imageTag(String source, String target) {
    record("image tag " + source + " " + target, null);
  }

  @Override
  public void imageSave(List<String> references, OutputStream out) {
    record("image save " + references, null);
  }

  @Override
  public List<String> imageLoad(InputStream in, Consumer<Event> progress) {
    record("image load", null);
    return List.of("docker.io/library/busybox:latest");
  }

  @Override
  public VolumeDetails volumeCreate(String name, Map<String, String> labels) {
    record("volume create " + name + " " + labels, null);
    return new VolumeDetails(name, "local", "/v/" + name, labels, List.of(), 0);
  }

  @Override
  public List<VolumeDetails> volumeInspect(List<String> names) {
    record("volume inspect " + names, null);
    return names.stream()
        .map(n -> new VolumeDetails(n, "local", "/v/" + n, Map.of(), List.of(), 0))
        .toList();
  }

  @Override
  public PruneReport volumePrune(boolean all, Consumer<Event> progress) {
    record("volume prune " + all, null);
    return new PruneReport(List.of(), List.of(), List.of("anon1"), List.of(), 1000);
  }

  @Override
  public DiskUsage diskUsage() {
    record("df", null);
    return new DiskUsage(
        new DiskUsage.Row(2, 1, 8_000_000, 4_000_000),
        new DiskUsage.Row(3, 2, 100, 50),
        new DiskUsage.Row(1, 1, 0, 0));
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
