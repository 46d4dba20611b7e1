package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose exec}: runs a command in a running service container, from this process (no
 * engine needed), with a pty when a terminal is attached and {@code -T} is not given. The exit code
 * is the command's.
 */
@Command(name = "exec", description = "Execute a command in a running container")
public final class ExecCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SERVICE")
  String service;

  @Parameters(
      index = "1..*",
      arity = "1..*",
      paramLabel = "COMMAND",
      preprocessor = RestIsCommand.class)
  List<String> command = new ArrayList<>();

  @Option(
      names = {"-T", "--no-TTY", "--no-tty"},
      description = "Disable pseudo-TTY allocation")
  boolean noTty;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "USER",
      description = "Run the command as this user")
  String user;

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "DIR",
      description = "Path to workdir directory for this command")
  String workdir;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "KEY=VAL",
      description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(
      names = "--index",
      defaultValue = "1",
      paramLabel = "N",
      description = "Index of the container if service has multiple replicas")
  int index;

  @Option(
      names = {"-d", "--detach"},
      description = "Detached mode: Run command in the background")
  boolean detach;

  @Option(names = "--privileged", description = "Give extended privileges to the process")
  boolean privileged;

  @Override
  public Integer call() throws Exception {
    String project = CommandContext.projectName(spec);
    boolean tty = !noTty && !detach && Terminal.attached();
    ExecProcess process =
        CommandContext.compose(spec)
            .exec(
                project,
                new ExecOptions(service, index, command, env, user, workdir, tty, !detach));
    if (detach) {
      return 0;
    }
    return new StdioPump(process, tty).run();
  }
}
