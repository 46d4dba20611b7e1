package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.ProgressPrinter;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.DownOptions;

/** {@code jcompose down}: stops and removes the project's containers and networks. */
public final class DownCommand implements Command {
  private static final Opt VOLUMES =
      Opt.flag(
          "Remove named volumes declared in the volumes section and anonymous volumes",
          "-v",
          "--volumes");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  private static final Opt TIMEOUT =
      Opt.value("SECONDS", "Shutdown timeout in seconds", "-t", "--timeout");
  private static final Opt RMI =
      Opt.value("TYPE", "Remove images used by services: local or all", "--rmi");
  private static final VerbSpec SPEC =
      VerbSpec.of("Stop and remove containers, networks", "down")
          .options(VOLUMES, REMOVE_ORPHANS, TIMEOUT, RMI)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String rmi = args.get(RMI);
    if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
      throw args.usage("invalid --rmi '" + rmi + "': use local or all");
    }
    DownOptions options =
        new DownOptions(args.has(VOLUMES), args.has(REMOVE_ORPHANS), args.integer(TIMEOUT), rmi);
    Project project = CommandContext.projectIfAvailable(args);
    String name = project != null ? project.name() : CommandContext.projectName(args);
    CommandContext.compose
        .get()
        .down(name, project, options, new ProgressPrinter(System.err, false));
    return 0;
  }
}
