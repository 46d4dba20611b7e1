package dev.jcompose.scheduler.testing;

import dev.jcompose.model.api.Project;
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
import dev.jcompose.scheduler.api.RemoveOptions;
import dev.jcompose.scheduler.api.RunOptions;
import dev.jcompose.scheduler.api.StartOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * An engine ({@link EngineVerbs}) that records what it was called with and answers canned values. A
 * project named "broken" fails every verb with CONFLICT; container "slow" makes waitExit block
 * until {@link #release}.
 */
public final class FakeComposeService implements EngineVerbs {
  public final List<String> calls = new CopyOnWriteArrayList<>();
  public volatile Object lastArgument;
  private final CountDownLatch release = new CountDownLatch(1);
  public final CountDownLatch eventsStopped = new CountDownLatch(1);

  public static ContainerSummary summary(String project, String service, int n) {
    return new ContainerSummary(
        "0123456789abcdef",
        project + "-" + service + "-" + n,
        project,
        service,
        n,
        "busybox",
        "sh -c 'echo hi'",
        1_700_000_000L,
        "running",
        "Up 2 seconds",
        "healthy",
        0,
        List.of(new ContainerSummary.Publisher("0.0.0.0", 80, 8080, "tcp")),
        Map.of("com.docker.compose.project", project),
        List.of(project + "_default"),
        Map.of(project + "_default", "172.28.0.2"));
  }

  public static Event event(String resource, String action) {
    return new Event(
        Instant.parse("2026-01-02T03:04:05.123456789Z"), resource, action, "", Map.of("k", "v"));
  }

  public void release() {
    release.countDown();
  }

  private void record(String call, String project, Object arg) {
    calls.add(call + " " + project);
    lastArgument = arg;
    if ("broken".equals(project)) {
      throw new ComposeException(
          ComposeException.Kind.CONFLICT, "project broken is locked by another jcompose");
    }
  }

  @Override
  public List<ContainerSummary> up(Project project, UpOptions options, Consumer<Event> progress) {
    record("up", project.name(), project);
    progress.accept(event("Container " + project.name() + "-web-1", "Creating"));
    progress.accept(event("Container " + project.name() + "-web-1", "Started"));
    return List.of(summary(project.name(), "web", 1), summary(project.name(), "web", 2));
  }

  @Override
  public void down(
      String projectName, Project projectOrNull, DownOptions options, Consumer<Event> progress) {
    record("down", projectName, options);
    progress.accept(event("Network " + projectName + "_default", "Removed"));
  }

  @Override
  public List<ContainerSummary> ps(String projectName, PsOptions options) {
    record("ps", projectName, options);
    return List.of(summary(projectName, "web", 1));
  }

  @Override
  public void stop(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("stop", projectName, List.of(services, String.valueOf(timeoutSeconds)));
  }

  @Override
  public void start(String projectName, StartOptions options, Consumer<Event> progress) {
    record("start", projectName, options.services());
  }

  @Override
  public void kill(String projectName, KillOptions options, Consumer<Event> progress) {
    record("kill", projectName, options);
  }

  @Override
  public void pause(String projectName, List<String> services, Consumer<Event> progress) {
    record("pause", projectName, services);
  }

  @Override
  public void unpause(String projectName, List<String> services, Consumer<Event> progress) {
    record("unpause", projectName, services);
  }

  @Override
  public List<String> remove(String projectName, RemoveOptions options, Consumer<Event> progress) {
    record("remove", projectName, options);
    return List.of(projectName + "-web-1");
  }

  @Override
  public ContainerDetails inspect(ContainerRef container) {
    record("inspect", container.name() == null ? container.project() : container.name(), container);
    throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such container");
  }

  @Override
  public List<NetworkDetails> networks(List<String> names) {
    record("networks", "", names);
    return List.of(
        new NetworkDetails(
            "demo_default",
            "bridge",
            "jc0",
            "10.9.0.0/24",
            "10.9.0.1",
            false,
            Map.of(),
            List.of()));
  }

  @Override
  public PruneReport prune(PruneOptions options, Consumer<Event> progress) {
    record("prune", "", options);
    return PruneReport.empty();
  }

  @Override
  public void restart(
      String projectName, List<String> services, Integer timeoutSeconds, Consumer<Event> progress) {
    record("restart", projectName, List.of(services, String.valueOf(timeoutSeconds)));
  }

  @Override
  public void build(
      Project project, dev.jcompose.scheduler.api.BuildOptions options, Consumer<Event> progress) {
    record("build", project.name(), options);
  }

  @Override
  public void push(
      Project project, dev.jcompose.scheduler.api.PushOptions options, Consumer<Event> progress) {
    record("push", project.name(), options);
  }

  @Override
  public ContainerSummary run(Project project, RunOptions options, Consumer<Event> progress) {
    record("run", project.name(), options);
    return summary(project.name(), options.service(), 1);
  }

  @Override
  public int waitExit(String containerName) {
    record("wait", containerName, null);
    if (containerName.equals("missing")) {
      throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such container: missing");
    }
    if (containerName.equals("slow")) {
      await(release);
    }
    return 42;
  }

  @Override
  public void removeContainer(String containerName, boolean force) {
    record("rm", containerName, force);
    if (containerName.equals("missing")) {
      throw new ComposeException(ComposeException.Kind.NOT_FOUND, "no such container: missing");
    }
  }

  @Override
  public void events(
      String projectName, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    record("events", projectName, since);
    sink.accept(event("Container " + projectName + "-web-1", "start"));
    while (!stop.getAsBoolean()) {
      sleep(20);
    }
    eventsStopped.countDown();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
