package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.UpOptions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose up}: creates and starts the project's containers through the engine, then —
 * unless detached — follows their output and the engine's events until they all exit (Ctrl-C stops
 * them gracefully).
 */
public final class UpCommand implements Command {
  private static final Opt DETACH =
      Opt.flag("Detached mode: run containers in the background", "-d", "--detach");
  private static final Opt FORCE_RECREATE =
      Opt.flag(
          "Recreate containers even if their configuration hasn't changed", "--force-recreate");
  private static final Opt NO_RECREATE =
      Opt.flag("If containers already exist, don't recreate them", "--no-recreate");
  private static final Opt NO_DEPS = Opt.flag("Don't start linked services", "--no-deps");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  private static final Opt WAIT =
      Opt.flag("Wait for services to be running|healthy. Implies detached mode", "--wait");
  private static final Opt WAIT_TIMEOUT =
      Opt.value(
          "SECONDS",
          "Maximum duration to wait for the project to be running|healthy",
          "--wait-timeout");
  private static final Opt DRY_RUN =
      Opt.flag("Show what would be done without doing it", "--dry-run");
  private static final Opt NO_START =
      Opt.flag("Don't start the services after creating them", "--no-start");
  private static final Opt PULL =
      Opt.value("POLICY", "Pull image before running: always, missing, never", "--pull");
  private static final Opt SCALE =
      Opt.value("SERVICE=NUM", "Scale SERVICE to NUM instances", "--scale");
  private static final Opt TIMEOUT =
      Opt.value(
          "SECONDS", "Shutdown timeout in seconds when attached or recreating", "-t", "--timeout");
  private static final Opt ABORT_ON_EXIT =
      Opt.flag("Stops all containers if any container was stopped", "--abort-on-container-exit");
  private static final Opt EXIT_CODE_FROM =
      Opt.value(
          "SERVICE",
          "Return the exit code of the selected service container; implies"
              + " --abort-on-container-exit",
          "--exit-code-from");
  private static final Opt NO_COLOR = Opt.flag("Produce monochrome output", "--no-color");
  private static final Opt NO_LOG_PREFIX =
      Opt.flag("Don't print prefix in logs", "--no-log-prefix");
  private static final Opt TIMESTAMPS = Opt.flag("Show timestamps", "--timestamps");
  private static final Opt QUIET = Opt.flag("", "-q", "--quiet").hide();
  private static final VerbSpec SPEC =
      VerbSpec.of("Create and start containers", "up")
          .services()
          .options(
              DETACH,
              FORCE_RECREATE,
              NO_RECREATE,
              NO_DEPS,
              REMOVE_ORPHANS,
              WAIT,
              WAIT_TIMEOUT,
              DRY_RUN,
              NO_START,
              PULL,
              SCALE,
              TIMEOUT,
              ABORT_ON_EXIT,
              EXIT_CODE_FROM,
              NO_COLOR,
              NO_LOG_PREFIX,
              TIMESTAMPS,
              QUIET)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    validate(args);
    Project project = CommandContext.loadProject(args);
    String exitCodeFrom = args.get(EXIT_CODE_FROM);
    if (exitCodeFrom != null && !project.services().containsKey(exitCodeFrom)) {
      throw args.usage("no such service: " + exitCodeFrom);
    }
    ComposeService compose = CommandContext.compose.get();
    Instant since = Instant.now();
    List<ContainerSummary> containers =
        compose.up(project, options(args), new ProgressPrinter(System.err, args.has(QUIET)));
    if (args.has(DETACH) || args.has(WAIT) || args.has(DRY_RUN) || args.has(NO_START)) {
      return 0;
    }
    AttachSettings settings =
        new AttachSettings(
            !args.has(NO_COLOR) && Terminal.attached(),
            !args.has(NO_LOG_PREFIX),
            args.has(TIMESTAMPS),
            args.has(ABORT_ON_EXIT) || exitCodeFrom != null,
            exitCodeFrom,
            args.integer(TIMEOUT));
    // Like docker compose, "up web" attaches to web only, not to the dependencies it started.
    List<String> services = args.operands();
    List<ContainerSummary> attached =
        containers.stream()
            .filter(c -> services.isEmpty() || services.contains(c.service()))
            .toList();
    return new Attacher(compose, project.name(), settings).run(attached, since);
  }

  private static void validate(Args args) {
    if (args.has(DETACH) && (args.has(ABORT_ON_EXIT) || args.get(EXIT_CODE_FROM) != null)) {
      throw args.usage(
          "--abort-on-container-exit and --exit-code-from cannot be combined with --detach");
    }
    if (args.has(FORCE_RECREATE) && args.has(NO_RECREATE)) {
      throw args.usage("--force-recreate and --no-recreate are incompatible");
    }
  }

  static UpOptions options(Args args) {
    return UpOptions.builder()
        .services(args.operands())
        .detach(args.has(DETACH) || args.has(WAIT))
        .forceRecreate(args.has(FORCE_RECREATE))
        .noRecreate(args.has(NO_RECREATE))
        .noDeps(args.has(NO_DEPS))
        .removeOrphans(args.has(REMOVE_ORPHANS))
        .waitHealthy(args.has(WAIT))
        .waitTimeoutSeconds(args.integer(WAIT_TIMEOUT))
        .dryRun(args.has(DRY_RUN))
        .noStart(args.has(NO_START))
        .pull(args.get(PULL))
        .scale(scales(args))
        .timeoutSeconds(args.integer(TIMEOUT))
        .build();
  }

  private static Map<String, Integer> scales(Args args) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String s : args.all(SCALE)) {
      int eq = s.indexOf('=');
      try {
        m.put(s.substring(0, eq), Integer.parseInt(s.substring(eq + 1)));
      } catch (RuntimeException e) {
        throw args.usage("invalid --scale '" + s + "': use SERVICE=NUM");
      }
    }
    return m;
  }
}
