package dev.jcompose.cli.command;

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
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose run}: a one-off container of a service. Like docker compose, its stdin is
 * attached by default ({@code -i}) and it gets a tty when this is a terminal (unless {@code -T}),
 * so {@code run app sh} is an interactive shell and {@code echo ls | run app sh} feeds the shell.
 * The container is created to wait for this client before it starts, so its output is seen from the
 * first byte; its exit code becomes ours ({@code --rm} removes it). Everything after SERVICE is the
 * container's command, options included.
 */
@Command(name = "run", description = "Run a one-off command on a service")
public final class RunCommand implements Callable<Integer> {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long ATTACH_WAIT_MILLIS = 120_000;
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(index = "1..*", paramLabel = "COMMAND", preprocessor = RestIsCommand.class)
  List<String> command = new ArrayList<>();

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean rm;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VAL",
      description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--env-from-file",
      paramLabel = "FILE",
      description = "Set environment variables from file")
  List<Path> envFiles = new ArrayList<>();

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Run as specified username or uid")
  String user;

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "DIR",
      description = "Working directory inside the container")
  String workdir;

  @Option(
      names = "--entrypoint",
      paramLabel = "CMD",
      description = "Override the entrypoint of the image")
  String entrypoint;

  @Option(names = "--no-deps", description = "Don't start linked services")
  boolean noDeps;

  @Option(
      names = {"-T", "--no-TTY", "--no-tty"},
      description = "Disable pseudo-TTY allocation (default: auto-detected)")
  boolean noTty;

  @Option(names = "--name", paramLabel = "NAME", description = "Assign a name to the container")
  String name;

  @Option(
      names = "--publish",
      paramLabel = "PORT",
      description = "Publish a container's port(s) to the host")
  List<String> publish = new ArrayList<>();

  @Option(
      names = {"-P", "--service-ports"},
      description = "Run command with all service's ports enabled and mapped to the host")
  boolean servicePorts;

  @Option(
      names = {"-d", "--detach"},
      description = "Run container in background and print container ID")
  boolean detach;

  @Option(
      names = {"-i", "--interactive"},
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(
      names = {"-v", "--volume"},
      paramLabel = "VOLUME",
      description = "Bind mount a volume")
  List<String> volumes = new ArrayList<>();

  @Option(
      names = {"-l", "--label"},
      paramLabel = "KEY=VAL",
      description = "Add or override a label")
  List<String> labels = new ArrayList<>();

  @Option(
      names = "--cap-add",
      paramLabel = "CAP",
      split = ",",
      description = "Add Linux capabilities")
  List<String> capAdd = new ArrayList<>();

  @Option(
      names = "--cap-drop",
      paramLabel = "CAP",
      split = ",",
      description = "Drop Linux capabilities")
  List<String> capDrop = new ArrayList<>();

  @Option(
      names = "--use-aliases",
      description =
          "Use the service's network useAliases in the network(s) the container connects to")
  boolean useAliases;

  @Option(
      names = "--pull",
      paramLabel = "POLICY",
      description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
  String pull;

  @Option(
      names = {"-q", "--quiet"},
      description = "Don't print anything to STDOUT")
  boolean quiet;

  @Option(names = "--quiet-pull", description = "Pull without printing progress information")
  boolean quietPull;

  @Option(
      names = "--remove-orphans",
      description = "Remove containers for services not defined in the Compose file")
  boolean removeOrphans;

  @Override
  public Integer call() throws Exception {
    if (pull != null && !List.of("always", "missing", "never").contains(pull)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "invalid --pull '" + pull + "': use always, missing or never");
    }
    Project project = project();
    if (!project.services().containsKey(service)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such service: " + service);
    }
    ComposeService compose = CommandContext.compose(spec);
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
    var progress = quiet ? CommandContext.quiet() : CommandContext.progress(spec, quietPull);
    if (detach) {
      ContainerSummary c = compose.run(project, options, progress);
      if (!quiet) {
        System.out.println(c.name());
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
    LoadOptions load = CommandContext.loadOptions(spec);
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
        throw new CommandLine.ParameterException(
            spec.commandLine(), "invalid --publish '" + p + "': " + e.getMessage());
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
        m.putAll(DotEnv.read(f, k -> Optional.ofNullable(System.getenv(k)), null));
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
          eq < 0 ? System.getenv().getOrDefault(e, "") : e.substring(eq + 1));
    }
    return m;
  }
}
