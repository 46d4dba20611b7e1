package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.KillOptions;
import java.util.List;

/**
 * {@code jcompose kill}: sends a signal (SIGKILL unless {@code -s}) to the services' running
 * containers.
 */
public final class KillCommand implements Command {
  private static final Opt SIGNAL =
      Opt.value("SIGNAL", "SIGNAL to send to the container", "-s", "--signal");
  private static final Opt REMOVE_ORPHANS =
      Opt.flag(
          "Remove containers for services not defined in the Compose file", "--remove-orphans");
  private static final VerbSpec SPEC =
      VerbSpec.of("Force stop service containers", "kill")
          .services()
          .options(SIGNAL, REMOVE_ORPHANS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    boolean removeOrphans = args.has(REMOVE_ORPHANS);
    Project project = removeOrphans ? CommandContext.loadProject(args) : null;
    String name = project != null ? project.name() : CommandContext.projectName(args);
    List<String> declared = project == null ? List.of() : List.copyOf(project.services().keySet());
    CommandContext.compose(args)
        .kill(
            name,
            new KillOptions(args.operands(), args.get(SIGNAL, "SIGKILL"), removeOrphans, declared),
            CommandContext.progress(args));
    return 0;
  }
}
