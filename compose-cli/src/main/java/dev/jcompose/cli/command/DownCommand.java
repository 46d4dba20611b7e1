package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.DownOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jcompose down [SERVICE...]}: stops and removes the project's containers and networks
 * ({@code -v} volumes, {@code --rmi} images); with services, only theirs.
 */
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
      Opt.value(
          "TYPE",
          "Remove images used by services. \"local\" remove only images that don't have a custom tag (\"local\"|\"all\")",
          "--rmi");
  static final VerbSpec SPEC =
      VerbSpec.of("Stop and remove containers, networks", "down")
          .services()
          .options(VOLUMES, REMOVE_ORPHANS, TIMEOUT, RMI)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  boolean volumes;

  boolean removeOrphans;

  Integer timeout;

  String rmi;

  List<String> services = new ArrayList<>();

  @Override
  public int run(Args args) {
    volumes = args.has(VOLUMES);
    removeOrphans = args.has(REMOVE_ORPHANS);
    timeout = args.integer(TIMEOUT);
    rmi = args.get(RMI, null);
    services = new ArrayList<>(args.operandsFrom(0));
    if (rmi != null && !rmi.equals("local") && !rmi.equals("all")) {
      throw args.usage("invalid --rmi '" + rmi + "': use local or all");
    }
    Project project = CommandContext.projectIfAvailable(args);
    String name = project != null ? project.name() : CommandContext.projectName(args);
    DownOptions options = new DownOptions(volumes, removeOrphans, timeout, rmi, services);
    CommandContext.compose(args).down(name, project, options, CommandContext.progress(args));
    return 0;
  }
}
