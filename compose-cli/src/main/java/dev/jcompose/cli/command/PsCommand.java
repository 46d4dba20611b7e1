package dev.jcompose.cli.command;

import dev.jcompose.cli.output.PsRenderer;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jcompose ps}: the project's containers, sorted by name, as docker compose prints them. */
@Command(name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-a", "--all"},
      description = "Show all stopped containers")
  boolean all;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display IDs")
  boolean quiet;

  @Option(names = "--services", description = "Display services")
  boolean listServices;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      description = "Filter services by status: running, exited, created, restarting, ...")
  List<String> status = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Format the output: table or json")
  String format;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Override
  public Integer call() {
    if (!format.equals("table") && !format.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + format + "': use table or json");
    }
    String project = CommandContext.projectName(spec);
    List<ContainerSummary> containers =
        new ArrayList<>(
            CommandContext.compose
                .get()
                .ps(project, new PsOptions(services, all || !status.isEmpty(), status)));
    containers.sort(Comparator.comparing(ContainerSummary::name));
    PrintWriter out = spec.commandLine().getOut();
    out.print(render(containers));
    out.flush();
    return 0;
  }

  private String render(List<ContainerSummary> containers) {
    if (quiet) {
      return lines(containers.stream().map(ContainerSummary::id).toList());
    }
    if (listServices) {
      return lines(
          new ArrayList<>(
              new LinkedHashSet<>(containers.stream().map(ContainerSummary::service).toList())));
    }
    PsRenderer r = new PsRenderer(Instant.now(), ZoneId.systemDefault(), noTrunc);
    return format.equals("json") ? r.jsonLines(containers) : r.table(containers);
  }

  private static String lines(List<String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(v -> sb.append(v).append('\n'));
    return sb.toString();
  }
}
