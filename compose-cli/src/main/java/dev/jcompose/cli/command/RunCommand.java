package dev.jcompose.cli.command;

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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose run}: a one-off container of a service, created and started by the engine; its
 * output is followed and its exit code becomes ours ({@code --rm} removes it).
 */
@Command(name = "run", description = "Run a one-off command on a service")
public final class RunCommand implements Callable<Integer> {
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
      description = "Disable pseudo-TTY allocation")
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

  @Override
  public Integer call() {
    Project project = CommandContext.loadProject(spec);
    if (!project.services().containsKey(service)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "no such service: " + service);
    }
    ComposeService compose = CommandContext.compose.get();
    ContainerSummary c = compose.run(project, options(), new ProgressPrinter(System.err, false));
    if (detach) {
      System.out.println(c.name());
      return 0;
    }
    int code = follow(compose, project.name(), c);
    if (rm) {
      compose.removeContainer(c.name(), true);
    }
    return code;
  }

  RunOptions options() {
    boolean tty = !noTty && !detach && Terminal.attached();
    return RunOptions.builder(service)
        .command(command)
        .environment(envMap())
        .user(user)
        .workdir(workdir)
        .name(name)
        .noDeps(noDeps)
        .removeAfter(rm)
        .tty(tty)
        .interactive(interactive && !detach)
        .publish(ports())
        .servicePorts(servicePorts)
        .entrypoint(entrypoint)
        .build();
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

  private Map<String, String> envMap() {
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
