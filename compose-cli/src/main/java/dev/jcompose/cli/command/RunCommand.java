package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.model.env.DotEnv;
import dev.jcompose.scheduler.api.AttachOptions;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerRef;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.ExecProcess;
import dev.jcompose.scheduler.api.RunOptions;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code jcompose run}: a one-off container of a service. Like docker compose, its stdin is
 * attached by default ({@code -i}) and it gets a tty when this is a terminal (unless {@code -T}),
 * so {@code run app sh} is an interactive shell and {@code echo ls | run app sh} feeds the shell.
 * The container is created to wait for this client before it starts, so its output is seen from the
 * first byte; its exit code becomes ours ({@code --rm} removes it). Everything after SERVICE is the
 * container's command, options included.
 */
public final class RunCommand implements Command {
  private static final Opt RM =
      Opt.flag("Automatically remove the container when it exits", "--rm");
  private static final Opt ENV = Opt.value("KEY=VAL", "Set environment variables", "-e", "--env");
  private static final Opt ENV_FILES =
      Opt.value("FILE", "Set environment variables from file", "--env-from-file");
  private static final Opt USER =
      Opt.value("USER", "Run as specified username or uid", "-u", "--user");
  private static final Opt WORKDIR =
      Opt.value("DIR", "Working directory inside the container", "-w", "--workdir");
  private static final Opt ENTRYPOINT =
      Opt.value("CMD", "Override the entrypoint of the image", "--entrypoint");
  private static final Opt NO_DEPS = Opt.flag("Don't start linked services", "--no-deps");
  private static final Opt NO_TTY =
      Opt.flag(
          "Disable pseudo-TTY allocation (default: auto-detected)", "-T", "--no-TTY", "--no-tty");
  private static final Opt NAME = Opt.value("NAME", "Assign a name to the container", "--name");
  private static final Opt PUBLISH =
      Opt.value("PORT", "Publish a container's port(s) to the host", "-p", "--publish");
  private static final Opt SERVICE_PORTS =
      Opt.flag(
          "Run command with all service's ports enabled and mapped to the host",
          "-P",
          "--service-ports");
  private static final Opt DETACH =
      Opt.flag("Run container in background and print container ID", "-d", "--detach");
  private static final Opt INTERACTIVE =
      Opt.value("BOOL", "Keep STDIN open even if not attached", "-i", "--interactive")
          .implicit("true");
  private static final Opt VOLUMES = Opt.value("VOLUME", "Bind mount a volume", "-v", "--volume");
  private static final Opt LABELS =
      Opt.value("KEY=VAL", "Add or override a label", "-l", "--label");
  private static final Opt CAP_ADD = Opt.value("CAP", "Add Linux capabilities", "--cap-add");
  private static final Opt CAP_DROP = Opt.value("CAP", "Drop Linux capabilities", "--cap-drop");
  private static final Opt USE_ALIASES =
      Opt.flag(
          "Use the service's network useAliases in the network(s) the container connects to",
          "--use-aliases");
  private static final Opt PULL =
      Opt.value("POLICY", "Pull image before running (\"always\"|\"missing\"|\"never\")", "--pull");
  private static final Opt QUIET = Opt.flag("Don't print anything to STDOUT", "-q", "--quiet");
  private static final Opt QUIET_PULL =
      Opt.flag("Pull without printing progress information", "--quiet-pull");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  static final VerbSpec SPEC =
      VerbSpec.of("Run a one-off command on a service", "run")
          .operands("SERVICE [COMMAND] [ARGS...]", 1, -1)
          .rawAfter(1)
          .options(
              RM,
              ENV,
              ENV_FILES,
              USER,
              WORKDIR,
              ENTRYPOINT,
              NO_DEPS,
              NO_TTY,
              NAME,
              PUBLISH,
              SERVICE_PORTS,
              DETACH,
              INTERACTIVE,
              VOLUMES,
              LABELS,
              CAP_ADD,
              CAP_DROP,
              USE_ALIASES,
              PULL,
              QUIET,
              QUIET_PULL,
              REMOVE_ORPHANS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long ATTACH_WAIT_MILLIS = 120_000;

  String service;

  List<String> command = new ArrayList<>();

  boolean rm;

  List<String> env = new ArrayList<>();

  List<Path> envFiles = new ArrayList<>();

  String user;

  String workdir;

  String entrypoint;

  boolean noDeps;

  boolean noTty;

  String name;

  List<String> publish = new ArrayList<>();

  boolean servicePorts;

  boolean detach;

  boolean interactive;

  List<String> volumes = new ArrayList<>();

  List<String> labels = new ArrayList<>();

  List<String> capAdd = new ArrayList<>();

  List<String> capDrop = new ArrayList<>();

  boolean useAliases;

  String pull;

  boolean quiet;

  boolean quietPull;

  boolean removeOrphans;

  private Args args;

  @Override
  public int run(Args args) throws Exception {
    this.args = args;
    service = args.operand(0);
    command = new ArrayList<>(args.operandsFrom(1));
    rm = args.has(RM);
    env = new ArrayList<>(args.all(ENV));
    envFiles = args.all(ENV_FILES).stream().map(Path::of).toList();
    user = args.get(USER, null);
    workdir = args.get(WORKDIR, null);
    entrypoint = args.get(ENTRYPOINT, null);
    noDeps = args.has(NO_DEPS);
    noTty = args.has(NO_TTY);
    name = args.get(NAME, null);
    publish = new ArrayList<>(args.all(PUBLISH));
    servicePorts = args.has(SERVICE_PORTS);
    detach = args.has(DETACH);
    // docker compose run keeps stdin open unless told -i=false
    interactive = Boolean.parseBoolean(args.get(INTERACTIVE, "true"));
    volumes = new ArrayList<>(args.all(VOLUMES));
    labels = new ArrayList<>(args.all(LABELS));
    capAdd = new ArrayList<>(args.all(CAP_ADD));
    capDrop = new ArrayList<>(args.all(CAP_DROP));
    useAliases = args.has(USE_ALIASES);
    pull = args.get(PULL, null);
    quiet = args.has(QUIET);
    quietPull = args.has(QUIET_PULL);
    removeOrphans = args.has(REMOVE_ORPHANS);
    if (pull != null && !List.of("always", "missing", "never").contains(pull)) {
      throw args.usage("invalid --pull '" + pull + "': use always, missing or never");
    }
    Project project = project();
    if (!project.services().containsKey(service)) {
      throw args.usage("no such service: " + service);
    }
    ComposeService compose = CommandContext.compose(args);
    String container =
        name != null
            ? name
            : project.name() + "-" + service + "-run-" + HexFormat.of().formatHex(randomBytes());
    boolean tty = !noTty && !detach && Terminal.attached();
    RunOptions options =
        RunOptions.builder(service)
            .command(command)
            .environment(environment())
            .user(user)
            .workdir(workdir)
            .name(container)
            .noDeps(noDeps)
            .removeAfter(rm)
            .tty(tty)
            .interactive(interactive && !detach)
            .publish(ports())
            .servicePorts(servicePorts)
            .entrypoint(entrypoint)
            .useAliases(useAliases)
            .pull(pull)
            .attachWait(!detach)
            .build();
    var progress = quiet ? CommandContext.quiet() : CommandContext.progress(args, quietPull);
    if (detach) {
      ContainerSummary c = compose.run(project, options, progress);
      if (!quiet) {
        Invocation.current().out().println(c.name());
      }
      return 0;
    }
    CompletableFuture<ContainerSummary> created =
        CompletableFuture.supplyAsync(() -> compose.run(project, options, progress));
    ExecProcess process = attach(compose, container, created);
    int code = new StdioPump(process, tty, interactive).run();
    joined(created);
    if (rm) {
      compose.removeContainer(container, true);
    }
    return code;
  }

  /**
   * The project with -v/-l/--cap-add/--cap-drop applied to the service as the loader reads a
   * compose file.
   */
  private Project project() {
    LoadOptions load = CommandContext.loadOptions(args);
    String overrides = RunOverrides.document(service, volumes, labels, capAdd, capDrop);
    return ProjectSource.load(overrides == null ? load : load.withOverride(overrides));
  }

  /**
   * Attaches while the engine creates the container: until its monitor listens this is refused
   * (NOT_FOUND), and the container does not start before an attach (or 10 s), so nothing it prints
   * is missed. A failed create ends the wait with its error.
   */
  private static ExecProcess attach(
      ComposeService compose, String container, CompletableFuture<ContainerSummary> created)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + ATTACH_WAIT_MILLIS;
    while (true) {
      if (created.isCompletedExceptionally()) {
        joined(created); // throws the engine's error
      }
      try {
        return compose.attach(new AttachOptions(ContainerRef.named(container), false));
      } catch (ComposeException e) {
        if (e.kind() != ComposeException.Kind.NOT_FOUND || System.currentTimeMillis() > deadline) {
          throw e;
        }
      }
      Thread.sleep(20);
    }
  }

  /** The result, or the engine's own failure (not wrapped), so its exit code is kept. */
  private static <T> T joined(CompletableFuture<T> f) {
    try {
      return f.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : e;
    }
  }

  private static byte[] randomBytes() {
    byte[] b = new byte[6];
    RANDOM.nextBytes(b);
    return b;
  }

  /** {@code --publish} values in docker's syntax, parsed by the model's one port parser. */
  private List<ServiceNetworking.Port> ports() {
    List<ServiceNetworking.Port> out = new ArrayList<>();
    for (String p : publish) {
      try {
        out.addAll(ServiceNetworking.Port.parse(p));
      } catch (IllegalArgumentException e) {
        throw args.usage("invalid --publish '" + p + "': " + e.getMessage());
      }
    }
    return out;
  }

  /**
   * {@code --env-from-file} files first (compose's env_file grammar), then {@code -e}, which wins.
   */
  private Map<String, String> environment() throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (Path f : envFiles) {
      try {
        m.putAll(DotEnv.read(f, k -> Optional.ofNullable(Invocation.current().env(k)), null));
      } catch (NoSuchFileException e) {
        throw new ComposeException(
            ComposeException.Kind.INVALID, "couldn't find env file: " + f.toAbsolutePath());
      }
    }
    for (String e : env) {
      int eq = e.indexOf('=');
      // "-e KEY" without a value takes it from our environment, as docker does.
      m.put(
          eq < 0 ? e : e.substring(0, eq),
          eq < 0 ? Invocation.current().env().getOrDefault(e, "") : e.substring(eq + 1));
    }
    return m;
  }
}
