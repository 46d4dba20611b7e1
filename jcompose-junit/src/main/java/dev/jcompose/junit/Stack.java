package dev.jcompose.junit;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.DownOptions;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.UpOptions;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One stack on the engine: {@link #up} loads the project and runs {@code up --wait} through the
 * engine's API; {@link #close} runs {@code down -v} (JUnit closes it when the class — or, shared,
 * the whole run — ends). A failed {@code up} removes what it started before it reports, with the
 * logs of the failing services attached.
 */
final class Stack implements RunningStack, AutoCloseable {
  static final int LOG_LINES = 100;
  private static final int DOWN_TIMEOUT_SECONDS = 10;

  private final ComposeService engine;
  private final Project project;
  private boolean closed;

  private Stack(ComposeService engine, Project project) {
    this.engine = engine;
    this.project = project;
  }

  static Stack up(StackSpec spec, Map<String, String> env, Path workingDir) {
    Project project =
        ProjectLoader.load(
            new LoadOptions(
                spec.files().stream().map(Path::toString).toList(),
                null,
                spec.uniqueProjectName(),
                List.of(),
                spec.profiles(),
                env,
                workingDir,
                true,
                new ByteArrayInputStream(new byte[0])));
    Stack stack = new Stack(EngineConnection.connect(env), project);
    try {
      stack.engine.up(
          project,
          UpOptions.builder()
              .services(spec.services())
              .detach(true)
              .waitHealthy(true)
              .waitTimeoutSeconds(spec.waitTimeoutSeconds())
              .pull("missing")
              .build(),
          e -> {});
      return stack;
    } catch (RuntimeException e) {
      ComposeStackException failure =
          new ComposeStackException(
              "stack "
                  + project.name()
                  + " ("
                  + spec.files()
                  + ") did not come up: "
                  + e.getMessage(),
              e);
      stack.attachFailingLogs(failure);
      stack.close();
      throw failure;
    }
  }

  @Override
  public String projectName() {
    return project.name();
  }

  @Override
  public ServiceEndpoint endpoint(String service, int containerPort, String protocol) {
    List<ContainerSummary> containers = containers(List.of(service), false);
    for (ContainerSummary c : containers) {
      for (ContainerSummary.Publisher p : c.publishers()) {
        if (p.targetPort() == containerPort
            && p.publishedPort() > 0
            && protocol.equalsIgnoreCase(p.protocol())) {
          return new ServiceEndpoint(service, containerPort, reachable(p.url()), p.publishedPort());
        }
      }
    }
    throw new ComposeStackException(
        "service "
            + service
            + " of "
            + projectName()
            + " publishes no port "
            + containerPort
            + "/"
            + protocol
            + (containers.isEmpty() ? " (no running container)" : ""));
  }

  /** A wildcard binding is reached on loopback, as a client on this host would. */
  private static String reachable(String hostIp) {
    return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0")
        ? "127.0.0.1"
        : hostIp.equals("::") ? "::1" : hostIp;
  }

  @Override
  public List<String> logs(String service, int lines) {
    return ServiceLogs.tail(engine, projectName(), containers(List.of(service), true), lines);
  }

  /** Adds one suppressed exception per failing service, holding its last lines of log. */
  void attachFailingLogs(Throwable failure) {
    Map<String, List<ContainerSummary>> failing;
    try {
      failing =
          containers(List.of(), true).stream()
              .filter(ServiceLogs::failing)
              .collect(
                  Collectors.groupingBy(
                      ContainerSummary::service, java.util.TreeMap::new, Collectors.toList()));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      return;
    }
    failing.forEach(
        (service, containers) ->
            failure.addSuppressed(
                new ServiceLogsAttached(
                    service,
                    containers,
                    ServiceLogs.tail(engine, projectName(), containers, LOG_LINES))));
  }

  private List<ContainerSummary> containers(List<String> services, boolean all) {
    return engine.ps(projectName(), new PsOptions(services, all, List.of())).stream()
        .sorted(Comparator.comparingInt(ContainerSummary::number))
        .toList();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    engine.down(
        projectName(), project, new DownOptions(true, true, DOWN_TIMEOUT_SECONDS, null), e -> {});
  }
}
