package dev.jcompose.cli.command;

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
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose rm}: removes the services' stopped containers (one-offs included); {@code -s}
 * stops running ones first, {@code -v} takes their anonymous volumes too. Without {@code -f} it
 * names them and asks, as docker compose does; an answer other than y (or no terminal to ask on)
 * removes nothing.
 */
@Command(name = "rm", description = "Removes stopped service containers")
public final class RmCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE")
  List<String> services = new ArrayList<>();

  @Option(names = "--force", description = "Don't ask to confirm removal")
  boolean force;

  @Option(
      names = {"-s", "--stop"},
      description = "Stop the containers, if required, before removing")
  boolean stop;

  @Option(
      names = {"-v", "--volumes"},
      description = "Remove any anonymous volumes attached to containers")
  boolean volumes;

  @Override
  public Integer call() throws IOException {
    String project = CommandContext.projectName(spec);
    ComposeService compose = CommandContext.compose(spec);
    List<String> names =
        compose.ps(project, new PsOptions(services, true, List.of())).stream()
            .filter(c -> stop || (!c.state().equals("running") && !c.state().equals("paused")))
            .map(ContainerSummary::name)
            .toList();
    if (names.isEmpty()) {
      System.err.println("No stopped containers");
      return 0;
    }
    if (!force && !confirm(names)) {
      return 0;
    }
    compose.remove(
        project, new RemoveOptions(services, stop, volumes), CommandContext.progress(spec));
    return 0;
  }

  private static boolean confirm(List<String> names) throws IOException {
    System.err.println("Going to remove " + String.join(", ", names));
    if (!Terminal.attached()) {
      return false;
    }
    System.err.print("? Are you sure? (y/N) ");
    System.err.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
