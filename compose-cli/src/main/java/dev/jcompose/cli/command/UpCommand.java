package dev.jcompose.cli.command;

import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.WatchOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose up}: creates and starts the project's containers through the engine, then —
 * unless detached — follows their output and the engine's events until they all exit (Ctrl-C stops
 * them gracefully).
 */
@Command(name = "up", description = "Create and start containers")
public final class UpCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-d", "--detach"},
      description = "Detached mode: run containers in the background")
  boolean detach;

  @Option(
      names = "--force-recreate",
      description = "Recreate containers even if their configuration hasn't changed")
  boolean forceRecreate;

  @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
  boolean noRecreate;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(
      names = "--wait",
      description = "Wait for services to be running|healthy. Implies detached mode")
  boolean waitHealthy;

  @Option(
      names = "--wait-timeout",
      paramLabel = "SECONDS",
      description = "Maximum duration to wait for the project to be running|healthy")
  Integer waitTimeout;

  @Option(names = "--dry-run", description = "Show what would be done without doing it")
  boolean dryRun;

  @Option(names = "--no-start", description = "Don't start the services after creating them")
  boolean noStart;

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull image before running: always, missing, never")
  String pull;

  @Option(
      names = "--scale",
      paramLabel = "SERVICE=NUM",
      description = "Scale SERVICE to NUM instances")
  List<String> scale = new ArrayList<>();

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Shutdown timeout in seconds when attached or recreating")
  Integer timeout;

  @Option(
      names = "--abort-on-container-exit",
      description = "Stops all containers if any container was stopped")
  boolean abortOnExit;

  @Option(
      names = "--exit-code-from",
      paramLabel = "SERVICE",
      description =
          "Return the exit code of the selected service container; implies --abort-on-container-exit")
  String exitCodeFrom;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--timestamps", description = "Show timestamps")
  boolean timestamps;

  @Option(names = "--build", description = "Build images before starting containers")
  boolean build;

  @Option(names = "--no-build", description = "Don't build an image, even if it's policy")
  boolean noBuild;

  @Option(
      names = {"-w", "--watch"},
      description = "Watch source code and rebuild/refresh containers when files are updated")
  boolean watch;

  @Option(
      names = {"-q", "--quiet"},
      hidden = true)
  boolean quiet;

  @Override
  public Integer call() {
    validate();
    Project project = CommandContext.loadProject(spec);
    if (exitCodeFrom != null && !project.services().containsKey(exitCodeFrom)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "no such service: " + exitCodeFrom);
    }
    if (watch) {
      WatchCommand.requireRules(project, services);
    }
    ComposeService compose = CommandContext.compose.get();
    Instant since = Instant.now();
    List<ContainerSummary> containers =
        compose.up(project, options(), new ProgressPrinter(System.err, quiet));
    if (detach || waitHealthy || dryRun || noStart) {
      return 0;
    }
    AttachSettings settings =
        new AttachSettings(
            !noColor && Terminal.attached(),
            !noLogPrefix,
            timestamps,
            abortOnExit || exitCodeFrom != null,
            exitCodeFrom,
            timeout);
    // Like docker compose, "up web" attaches to web only, not to the dependencies it started.
    List<ContainerSummary> attached =
        containers.stream()
            .filter(c -> services.isEmpty() || services.contains(c.service()))
            .toList();
    AtomicBoolean attachEnded = new AtomicBoolean();
    Thread watcher = watch ? startWatch(compose, project, attachEnded) : null;
    try {
      return new Attacher(compose, project.name(), settings).run(attached, since);
    } finally {
      attachEnded.set(true);
      if (watcher != null) {
        watcher.interrupt();
      }
    }
  }

  // up --watch: the watch session runs beside the attached logs and ends with them
  private Thread startWatch(ComposeService compose, Project project, AtomicBoolean attachEnded) {
    Thread t =
        new Thread(
            () -> {
              try {
                compose.watch(
                    project,
                    new WatchOptions(services),
                    new ProgressPrinter(System.err, false),
                    attachEnded::get);
              } catch (ComposeException e) {
                System.err.println("watch: " + e.getMessage());
              }
            },
            "jcompose-up-watch");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void validate() {
    if (detach && (abortOnExit || exitCodeFrom != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(),
          "--abort-on-container-exit and --exit-code-from cannot be combined with --detach");
    }
    if (watch && detach) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--watch cannot be combined with --detach");
    }
    if (build && noBuild) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--build and --no-build are incompatible");
    }
    if (forceRecreate && noRecreate) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--force-recreate and --no-recreate are incompatible");
    }
  }

  UpOptions options() {
    return UpOptions.builder()
        .services(services)
        .detach(detach || waitHealthy)
        .forceRecreate(forceRecreate)
        .noRecreate(noRecreate)
        .noDeps(noDeps)
        .removeOrphans(removeOrphans)
        .waitHealthy(waitHealthy)
        .waitTimeoutSeconds(waitTimeout)
        .dryRun(dryRun)
        .noStart(noStart)
        .pull(pull)
        .scale(scales())
        .timeoutSeconds(timeout)
        .buildPolicy(build ? "always" : noBuild ? "never" : "missing")
        .build();
  }

  private Map<String, Integer> scales() {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String s : scale) {
      int eq = s.indexOf('=');
      try {
        m.put(s.substring(0, eq), Integer.parseInt(s.substring(eq + 1)));
      } catch (RuntimeException e) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "invalid --scale '" + s + "': use SERVICE=NUM");
      }
    }
    return m;
  }
}
