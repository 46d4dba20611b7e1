package dev.jcompose.cli.command;

import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.UpOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose up}: creates and starts the project's containers through the engine, then —
 * unless detached — follows the output of the services asked for (not their dependencies, unless
 * {@code --attach-dependencies}; {@code --attach}/{@code --no-attach} choose) and the engine's
 * events until they all exit (Ctrl-C stops them gracefully).
 */
@Command(name = "up", description = "Create and start containers")
public final class UpCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-d", "--detach"},
      description = "Detached mode: Run containers in the background")
  boolean detach;

  @Option(
      names = "--force-recreate",
      description = "Recreate containers even if their configuration and image haven't changed")
  boolean forceRecreate;

  @Option(
      names = "--no-recreate",
      description =
          "If containers already exist, don't recreate them. Incompatible with --force-recreate.")
  boolean noRecreate;

  @Option(
      names = "--always-recreate-deps",
      description = "Recreate dependent containers. Incompatible with --no-recreate.")
  boolean alwaysRecreateDeps;

  @Option(
      names = {"-V", "--renew-anon-volumes"},
      description =
          "Recreate anonymous volumes instead of retrieving data from the previous containers")
  boolean renewAnonVolumes;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Option(
      names = "--wait",
      description = "Wait for services to be running|healthy. Implies detached mode.")
  boolean waitHealthy;

  @Option(
      names = "--wait-timeout",
      paramLabel = "SECONDS",
      description = "Maximum duration in seconds to wait for the project to be running|healthy")
  Integer waitTimeout;

  @Option(names = "--no-start", description = "Don't start the services after creating them")
  boolean noStart;

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
  String pull;

  @Option(names = "--quiet-pull", description = "Pull without printing progress information")
  boolean quietPull;

  @Option(
      names = "--scale",
      paramLabel = "SERVICE=NUM",
      description =
          "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.")
  List<String> scale = new ArrayList<>();

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description =
          "Use this timeout in seconds for container shutdown when attached or when containers are already running")
  Integer timeout;

  @Option(
      names = "--abort-on-container-exit",
      description = "Stops all containers if any container was stopped. Incompatible with -d")
  boolean abortOnExit;

  @Option(
      names = "--abort-on-container-failure",
      description =
          "Stops all containers if any container exited with failure. Incompatible with -d")
  boolean abortOnFailure;

  @Option(
      names = "--exit-code-from",
      paramLabel = "SERVICE",
      description =
          "Return the exit code of the selected service container; implies --abort-on-container-exit")
  String exitCodeFrom;

  @Option(
      names = "--attach",
      paramLabel = "SERVICE",
      description =
          "Restrict attaching to the specified services. Incompatible with --attach-dependencies.")
  List<String> attach = new ArrayList<>();

  @Option(
      names = "--no-attach",
      paramLabel = "SERVICE",
      description = "Do not attach (stream logs) to the specified services")
  List<String> noAttach = new ArrayList<>();

  @Option(
      names = "--attach-dependencies",
      description = "Automatically attach to log output of dependent services")
  boolean attachDependencies;

  @Option(names = "--no-color", description = "Produce monochrome output")
  boolean noColor;

  @Option(names = "--no-log-prefix", description = "Don't print prefix in logs")
  boolean noLogPrefix;

  @Option(names = "--timestamps", description = "Show timestamps")
  boolean timestamps;

  @Option(
      names = {"-y", "--yes"},
      description = "Assume \"yes\" as answer to all prompts and run non-interactively")
  boolean yes;

  @Option(
      names = {"-q", "--quiet"},
      hidden = true)
  boolean quiet;

  @Override
  public Integer call() {
    validate();
    Project project = CommandContext.loadProject(spec);
    for (String s : names()) {
      if (!project.services().containsKey(s)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "no such service: " + s);
      }
    }
    ComposeService compose = CommandContext.compose(spec);
    Instant since = Instant.now();
    List<ContainerSummary> containers =
        compose.up(
            project,
            options(),
            quiet ? CommandContext.quiet() : CommandContext.progress(spec, quietPull));
    if (detach || waitHealthy || noStart || CommandContext.options(spec).dryRun()) {
      return 0;
    }
    AttachSettings settings =
        new AttachSettings(
            !noColor && CommandContext.ansi(spec),
            !noLogPrefix,
            timestamps,
            abortOnExit || exitCodeFrom != null,
            abortOnFailure,
            exitCodeFrom,
            timeout);
    return new Attacher(compose, project.name(), settings).run(attached(containers), since);
  }

  /** Like docker compose, "up web" attaches to web only, not to the dependencies it started. */
  private List<ContainerSummary> attached(List<ContainerSummary> containers) {
    return containers.stream()
        .filter(
            c ->
                !attach.isEmpty()
                    ? attach.contains(c.service())
                    : attachDependencies || services.isEmpty() || services.contains(c.service()))
        .filter(c -> !noAttach.contains(c.service()))
        .toList();
  }

  private List<String> names() {
    List<String> out = new ArrayList<>(attach);
    out.addAll(noAttach);
    if (exitCodeFrom != null) {
      out.add(exitCodeFrom);
    }
    return out;
  }

  private void validate() {
    if (detach && (abortOnExit || abortOnFailure || exitCodeFrom != null)) {
      throw usage(
          "--abort-on-container-exit, --abort-on-container-failure and --exit-code-from cannot be combined with --detach");
    }
    if (abortOnExit && abortOnFailure) {
      throw usage("--abort-on-container-exit and --abort-on-container-failure are incompatible");
    }
    if (forceRecreate && noRecreate) {
      throw usage("--force-recreate and --no-recreate are incompatible");
    }
    if (alwaysRecreateDeps && noRecreate) {
      throw usage("--always-recreate-deps and --no-recreate are incompatible");
    }
    if (!attach.isEmpty() && attachDependencies) {
      throw usage("--attach and --attach-dependencies are incompatible");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
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
        .noStart(noStart)
        .pull(pull)
        .scale(Scales.parse(spec, scale))
        .timeoutSeconds(timeout)
        .alwaysRecreateDeps(alwaysRecreateDeps)
        .renewAnonVolumes(renewAnonVolumes)
        .build();
  }
}
