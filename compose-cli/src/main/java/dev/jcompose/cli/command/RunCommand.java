package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.LogPrefixes;
import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.ServiceNetworking;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code jcompose run}: a one-off container of a service, created and started by the engine; its
 * output is followed and its exit code becomes ours ({@code --rm} removes it).
 */
public final class RunCommand implements Command {
  private static final Opt RM =
      Opt.flag("Automatically remove the container when it exits", "--rm");
  private static final Opt ENV = Opt.value("KEY=VAL", "Set environment variables", "-e", "--env");
  private static final Opt USER =
      Opt.value("USER", "Run as specified username or uid", "-u", "--user");
  private static final Opt WORKDIR =
      Opt.value("DIR", "Working directory inside the container", "-w", "--workdir");
  private static final Opt ENTRYPOINT =
      Opt.value("CMD", "Override the entrypoint of the image", "--entrypoint");
  private static final Opt NO_DEPS = Opt.flag("Don't start linked services", "--no-deps");
  private static final Opt NO_TTY =
      Opt.flag("Disable pseudo-TTY allocation", "-T", "--no-TTY", "--no-tty");
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
  private static final VerbSpec SPEC =
      VerbSpec.of("Run a one-off command on a service", "run")
          .operands("SERVICE [COMMAND] [ARGS...]", 1, -1)
          .rawAfter(1)
          .options(
              RM,
              ENV,
              USER,
              WORKDIR,
              ENTRYPOINT,
              NO_DEPS,
              NO_TTY,
              NAME,
              PUBLISH,
              SERVICE_PORTS,
              DETACH,
              INTERACTIVE)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String service = args.operand(0);
    RunOptions options = options(args);
    Project project = CommandContext.loadProject(args);
    if (!project.services().containsKey(service)) {
      throw args.usage("no such service: " + service);
    }
    ComposeService compose = CommandContext.compose.get();
    ContainerSummary c = compose.run(project, options, new ProgressPrinter(System.err, false));
    if (args.has(DETACH)) {
      System.out.println(c.name());
      return 0;
    }
    int code = follow(compose, project.name(), c);
    if (args.has(RM)) {
      compose.removeContainer(c.name(), true);
    }
    return code;
  }

  static RunOptions options(Args args) {
    boolean detach = args.has(DETACH);
    boolean tty = !args.has(NO_TTY) && !detach && Terminal.attached();
    boolean interactive = Boolean.parseBoolean(args.get(INTERACTIVE, "true"));
    return RunOptions.builder(args.operand(0))
        .command(args.operandsFrom(1))
        .environment(envMap(args.all(ENV)))
        .user(args.get(USER))
        .workdir(args.get(WORKDIR))
        .name(args.get(NAME))
        .noDeps(args.has(NO_DEPS))
        .removeAfter(args.has(RM))
        .tty(tty)
        .interactive(interactive && !detach)
        .publish(ports(args))
        .servicePorts(args.has(SERVICE_PORTS))
        .entrypoint(args.get(ENTRYPOINT))
        .build();
  }

  /** {@code --publish} values in docker's syntax, parsed by the model's one port parser. */
  private static List<ServiceNetworking.Port> ports(Args args) {
    List<ServiceNetworking.Port> out = new ArrayList<>();
    for (String p : args.all(PUBLISH)) {
      try {
        out.addAll(ServiceNetworking.Port.parse(p));
      } catch (IllegalArgumentException e) {
        throw args.usage("invalid --publish '" + p + "': " + e.getMessage());
      }
    }
    return out;
  }

  private static Map<String, String> envMap(List<String> env) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String e : env) {
      int eq = e.indexOf('=');
      // "-e KEY" without a value takes it from our environment, as docker does.
      m.put(
          eq < 0 ? e : e.substring(0, eq),
          eq < 0 ? System.getenv().getOrDefault(e, "") : e.substring(eq + 1));
    }
    return m;
  }

  /** Prints the container's output (no prefix) until it exits; returns the exit code. */
  private static int follow(ComposeService compose, String project, ContainerSummary c) {
    LogPrinter printer =
        new LogPrinter(System.out, System.err, new LogPrefixes(false), false, false, true);
    AtomicBoolean exited = new AtomicBoolean();
    Thread reader =
        LogThreads.start(compose, project, c.name(), null, printer, c.name(), exited::get);
    int code = compose.waitExit(c.name());
    exited.set(true);
    LogThreads.join(reader);
    printer.flush();
    return code;
  }
}
