package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.ExecOptions;
import dev.jcompose.scheduler.api.ExecProcess;

/**
 * {@code jcompose exec}: runs a command in a running service container, from this process (no
 * engine needed), with a pty when a terminal is attached and {@code -T} is not given. The exit code
 * is the command's. As in docker compose, every word after the service is the command's.
 */
public final class ExecCommand implements Command {
  private static final Opt NO_TTY =
      Opt.flag("Disable pseudo-TTY allocation", "-T", "--no-TTY", "--no-tty");
  private static final Opt USER = Opt.value("USER", "Run the command as this user", "-u", "--user");
  private static final Opt WORKDIR =
      Opt.value("DIR", "Path to workdir directory for this command", "-w", "--workdir");
  private static final Opt ENV = Opt.value("KEY=VAL", "Set environment variables", "-e", "--env");
  private static final Opt INDEX =
      Opt.value("N", "Index of the container if service has multiple replicas", "--index");
  private static final Opt DETACH =
      Opt.flag("Detached mode: Run command in the background", "-d", "--detach");
  private static final Opt PRIVILEGED =
      Opt.flag("Give extended privileges to the process", "--privileged");
  private static final VerbSpec SPEC =
      VerbSpec.of("Execute a command in a running container", "exec")
          .operands("SERVICE COMMAND [ARGS...]", 2, -1)
          .rawAfter(1)
          .options(NO_TTY, USER, WORKDIR, ENV, INDEX, DETACH, PRIVILEGED)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) throws Exception {
    int index = args.integer(INDEX, 1);
    String project = CommandContext.projectName(args);
    boolean detach = args.has(DETACH);
    boolean tty = !args.has(NO_TTY) && !detach && Terminal.attached();
    ExecProcess process =
        CommandContext.compose(args)
            .exec(
                project,
                new ExecOptions(
                    args.operand(0),
                    index,
                    args.operandsFrom(1),
                    args.all(ENV),
                    args.get(USER),
                    args.get(WORKDIR),
                    tty,
                    !detach,
                    args.has(PRIVILEGED)));
    if (detach) {
      return 0;
    }
    return new StdioPump(process, tty).run();
  }
}
