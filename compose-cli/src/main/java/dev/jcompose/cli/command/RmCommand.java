package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import dev.jcompose.scheduler.api.RemoveOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code jcompose rm}: removes the services' stopped containers (one-offs included); {@code -s}
 * stops running ones first, {@code -v} takes their anonymous volumes too. Without {@code -f} it
 * names them and asks, as docker compose does; an answer other than y (or no terminal to ask on)
 * removes nothing.
 */
public final class RmCommand implements Command {
  private static final Opt FORCE = Opt.flag("Don't ask to confirm removal", "-f", "--force");
  private static final Opt STOP =
      Opt.flag("Stop the containers, if required, before removing", "-s", "--stop");
  private static final Opt VOLUMES =
      Opt.flag("Remove any anonymous volumes attached to containers", "-v", "--volumes");
  static final VerbSpec SPEC =
      VerbSpec.of("Removes stopped service containers", "rm")
          .services()
          .options(FORCE, STOP, VOLUMES)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean force;

  boolean stop;

  boolean volumes;

  @Override
  public int run(Args args) throws IOException {
    services = new ArrayList<>(args.operandsFrom(0));
    force = args.has(FORCE);
    stop = args.has(STOP);
    volumes = args.has(VOLUMES);
    String project = CommandContext.projectName(args);
    ComposeService compose = CommandContext.compose(args);
    List<String> names =
        compose.ps(project, new PsOptions(services, true, List.of())).stream()
            .filter(c -> stop || (!c.state().equals("running") && !c.state().equals("paused")))
            .map(ContainerSummary::name)
            .toList();
    if (names.isEmpty()) {
      Invocation.current().err().println("No stopped containers");
      return 0;
    }
    if (!force && !confirm(names)) {
      return 0;
    }
    compose.remove(
        project, new RemoveOptions(services, stop, volumes), CommandContext.progress(args));
    return 0;
  }

  private static boolean confirm(List<String> names) throws IOException {
    Invocation.current().err().println("Going to remove " + String.join(", ", names));
    if (!Terminal.attached()) {
      return false;
    }
    Invocation.current().err().print("? Are you sure? (y/N) ");
    Invocation.current().err().flush();
    String answer =
        new BufferedReader(new InputStreamReader(Invocation.current().in(), StandardCharsets.UTF_8))
            .readLine();
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
