package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.UsageException;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.option.ProjectOptions;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.UpOptions;
import dev.jcompose.scheduler.api.WatchOptions;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code jcompose up}: creates and starts the project's containers through the engine, then —
 * unless detached — follows the output of the services asked for (not their dependencies, unless
 * {@code --attach-dependencies}; {@code --attach}/{@code --no-attach} choose) and the engine's
 * events until they all exit (Ctrl-C stops them gracefully).
 */
public final class UpCommand implements Command {
  private static final Opt DETACH =
      Opt.flag("Detached mode: Run containers in the background", "-d", "--detach");
  private static final Opt FORCE_RECREATE =
      Opt.flag(
          "Recreate containers even if their configuration and image haven't changed",
          "--force-recreate");
  private static final Opt NO_RECREATE =
      Opt.flag(
          "If containers already exist, don't recreate them. Incompatible with --force-recreate.",
          "--no-recreate");
  private static final Opt ALWAYS_RECREATE_DEPS =
      Opt.flag(
          "Recreate dependent containers. Incompatible with --no-recreate.",
          "--always-recreate-deps");
  private static final Opt RENEW_ANON_VOLUMES =
      Opt.flag(
          "Recreate anonymous volumes instead of retrieving data from the previous containers",
          "-V",
          "--renew-anon-volumes");
  private static final Opt NO_DEPS = Opt.flag("Don't start linked services", "--no-deps");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  private static final Opt WAIT_HEALTHY =
      Opt.flag("Wait for services to be running|healthy. Implies detached mode.", "--wait");
  private static final Opt WAIT_TIMEOUT =
      Opt.value(
          "SECONDS",
          "Maximum duration in seconds to wait for the project to be running|healthy",
          "--wait-timeout");
  private static final Opt NO_START =
      Opt.flag("Don't start the services after creating them", "--no-start");
  private static final Opt PULL =
      Opt.value("POLICY", "Pull image before running (\"always\"|\"missing\"|\"never\")", "--pull");
  private static final Opt QUIET_PULL =
      Opt.flag("Pull without printing progress information", "--quiet-pull");
  private static final Opt SCALE =
      Opt.value(
          "SERVICE=NUM",
          "Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.",
          "--scale");
  private static final Opt TIMEOUT =
      Opt.value(
          "SECONDS",
          "Use this timeout in seconds for container shutdown when attached or when containers are already running",
          "-t",
          "--timeout");
  private static final Opt ABORT_ON_EXIT =
      Opt.flag(
          "Stops all containers if any container was stopped. Incompatible with -d",
          "--abort-on-container-exit");
  private static final Opt ABORT_ON_FAILURE =
      Opt.flag(
          "Stops all containers if any container exited with failure. Incompatible with -d",
          "--abort-on-container-failure");
  private static final Opt EXIT_CODE_FROM =
      Opt.value(
          "SERVICE",
          "Return the exit code of the selected service container; implies --abort-on-container-exit",
          "--exit-code-from");
  private static final Opt ATTACH =
      Opt.value(
          "SERVICE",
          "Restrict attaching to the specified services. Incompatible with --attach-dependencies.",
          "--attach");
  private static final Opt NO_ATTACH =
      Opt.value("SERVICE", "Do not attach (stream logs) to the specified services", "--no-attach");
  private static final Opt ATTACH_DEPENDENCIES =
      Opt.flag("Automatically attach to log output of dependent services", "--attach-dependencies");
  private static final Opt NO_COLOR = Opt.flag("Produce monochrome output", "--no-color");
  private static final Opt NO_LOG_PREFIX =
      Opt.flag("Don't print prefix in logs", "--no-log-prefix");
  private static final Opt TIMESTAMPS = Opt.flag("Show timestamps", "--timestamps");
  private static final Opt YES =
      Opt.flag("Assume \"yes\" as answer to all prompts and run non-interactively", "-y", "--yes");
  private static final Opt BUILD = Opt.flag("Build images before starting containers", "--build");
  private static final Opt NO_BUILD =
      Opt.flag("Don't build an image, even if it's policy", "--no-build");
  private static final Opt WATCH =
      Opt.flag(
          "Watch source code and rebuild/refresh containers when files are updated",
          "-w",
          "--watch");
  private static final Opt QUIET = Opt.flag("", "-q", "--quiet").hide();
  static final VerbSpec SPEC =
      VerbSpec.of("Create and start containers", "up")
          .services()
          .options(
              DETACH,
              FORCE_RECREATE,
              NO_RECREATE,
              ALWAYS_RECREATE_DEPS,
              RENEW_ANON_VOLUMES,
              NO_DEPS,
              REMOVE_ORPHANS,
              WAIT_HEALTHY,
              WAIT_TIMEOUT,
              NO_START,
              PULL,
              QUIET_PULL,
              SCALE,
              TIMEOUT,
              ABORT_ON_EXIT,
              ABORT_ON_FAILURE,
              EXIT_CODE_FROM,
              ATTACH,
              NO_ATTACH,
              ATTACH_DEPENDENCIES,
              NO_COLOR,
              NO_LOG_PREFIX,
              TIMESTAMPS,
              YES,
              BUILD,
              NO_BUILD,
              WATCH,
              QUIET)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean detach;

  boolean forceRecreate;

  boolean noRecreate;

  boolean alwaysRecreateDeps;

  boolean renewAnonVolumes;

  boolean noDeps;

  boolean removeOrphans;

  boolean waitHealthy;

  Integer waitTimeout;

  boolean noStart;

  String pull;

  boolean quietPull;

  List<String> scale = new ArrayList<>();

  Integer timeout;

  boolean abortOnExit;

  boolean abortOnFailure;

  String exitCodeFrom;

  List<String> attach = new ArrayList<>();

  List<String> noAttach = new ArrayList<>();

  boolean attachDependencies;

  boolean noColor;

  boolean noLogPrefix;

  boolean timestamps;

  boolean yes;

  boolean quiet;

  @Override
  public int run(Args args) {
    this.args = args;
    services = new ArrayList<>(args.operandsFrom(0));
    detach = args.has(DETACH);
    forceRecreate = args.has(FORCE_RECREATE);
    noRecreate = args.has(NO_RECREATE);
    alwaysRecreateDeps = args.has(ALWAYS_RECREATE_DEPS);
    renewAnonVolumes = args.has(RENEW_ANON_VOLUMES);
    noDeps = args.has(NO_DEPS);
    removeOrphans = args.has(REMOVE_ORPHANS);
    waitHealthy = args.has(WAIT_HEALTHY);
    waitTimeout = args.integer(WAIT_TIMEOUT);
    noStart = args.has(NO_START);
    pull = args.get(PULL, null);
    quietPull = args.has(QUIET_PULL);
    scale = new ArrayList<>(args.all(SCALE));
    timeout = args.integer(TIMEOUT);
    abortOnExit = args.has(ABORT_ON_EXIT);
    abortOnFailure = args.has(ABORT_ON_FAILURE);
    exitCodeFrom = args.get(EXIT_CODE_FROM, null);
    attach = new ArrayList<>(args.all(ATTACH));
    noAttach = new ArrayList<>(args.all(NO_ATTACH));
    attachDependencies = args.has(ATTACH_DEPENDENCIES);
    noColor = args.has(NO_COLOR);
    noLogPrefix = args.has(NO_LOG_PREFIX);
    timestamps = args.has(TIMESTAMPS);
    yes = args.has(YES);
    quiet = args.has(QUIET);
    validate();
    Project project = CommandContext.loadProject(args);
    for (String s : names()) {
      if (!project.services().containsKey(s)) {
        throw args.usage("no such service: " + s);
      }
    }
    boolean watch = args.has(WATCH);
    if (watch) {
      WatchCommand.requireRules(project, args.operands());
    }
    ComposeService compose = CommandContext.compose(args);
    Instant since = Instant.now();
    List<ContainerSummary> containers =
        compose.up(
            project,
            options(),
            quiet ? CommandContext.quiet() : CommandContext.progress(args, quietPull));
    if (detach || waitHealthy || noStart || ProjectOptions.dryRun(args)) {
      return 0;
    }
    AttachSettings settings =
        new AttachSettings(
            !noColor && CommandContext.ansi(args),
            !noLogPrefix,
            timestamps,
            abortOnExit || exitCodeFrom != null,
            abortOnFailure,
            exitCodeFrom,
            timeout);
    List<ContainerSummary> attached = attached(project, containers);
    AtomicBoolean attachEnded = new AtomicBoolean();
    Thread watcher = watch ? startWatch(compose, project, services, attachEnded) : null;
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
  private static Thread startWatch(
      ComposeService compose, Project project, List<String> services, AtomicBoolean attachEnded) {
    Thread t =
        new Thread(
            () -> {
              try {
                compose.watch(
                    project,
                    new WatchOptions(services),
                    new ProgressPrinter(Invocation.current().err(), false),
                    attachEnded::get);
              } catch (ComposeException e) {
                Invocation.current().err().println("watch: " + e.getMessage());
              }
            },
            "jcompose-up-watch");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Like docker compose, "up web" attaches to web only, not to the dependencies it started;
   * --attach-dependencies adds what web depends on; services with attach: false are left out unless
   * --attach names them (AttachedServices). Only services this up started count: the engine answers
   * with every container of the project, also those of services outside the active profiles, which
   * would never exit again.
   */
  private List<ContainerSummary> attached(Project project, List<ContainerSummary> containers) {
    Set<String> scope =
        services.isEmpty()
            ? project.services().keySet()
            : attachDependencies ? withDependencies(project, services) : Set.copyOf(services);
    Set<String> shown =
        AttachedServices.select(project.services().values(), scope, attach, noAttach);
    return containers.stream().filter(c -> shown.contains(c.service())).toList();
  }

  /** The named services and everything they depend on, transitively. */
  private static Set<String> withDependencies(Project project, List<String> names) {
    Set<String> out = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(names);
    while (!todo.isEmpty()) {
      String name = todo.pop();
      Service s = project.services().get(name);
      if (s != null && out.add(name)) {
        todo.addAll(s.lifecycle().dependsOn().keySet());
      }
    }
    return out;
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
    if (args.has(WATCH) && args.has(DETACH)) {
      throw args.usage("--watch cannot be combined with --detach");
    }
    if (args.has(BUILD) && args.has(NO_BUILD)) {
      throw args.usage("--build and --no-build are incompatible");
    }
  }

  private Args args;

  private UsageException usage(String message) {
    return args.usage(message);
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
        .scale(Scales.parse(args, scale))
        .timeoutSeconds(timeout)
        .alwaysRecreateDeps(alwaysRecreateDeps)
        .renewAnonVolumes(renewAnonVolumes)
        .buildPolicy(args.has(BUILD) ? "always" : args.has(NO_BUILD) ? "never" : "missing")
        .build();
  }
}
