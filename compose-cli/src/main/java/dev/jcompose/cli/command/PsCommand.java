package dev.jcompose.cli.command;

import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.PsRenderer;
import dev.jcompose.model.api.Project;
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

/**
 * {@code jcompose ps}: the project's containers, sorted by name, as docker compose prints them: the
 * table, JSON Lines, or a Go template ({@code {{.Name}}}, {@code {{json .}}}, {@code table
 * {{.Service}}\t{{.State}}}) over docker's fields.
 */
@Command(name = "ps", description = "List containers")
public final class PsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "SERVICE", description = "Only these services")
  List<String> services = new ArrayList<>();

  @Option(
      names = {"-a", "--all"},
      description = "Show all stopped containers (including those created by the run command)")
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
      description =
          "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]")
  List<String> status = new ArrayList<>();

  @Option(
      names = "--filter",
      paramLabel = "KEY=VALUE",
      description = "Filter services by a property (supported filters: status)")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description =
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(
      names = "--orphans",
      defaultValue = "true",
      fallbackValue = "true",
      arity = "0..1",
      description = "Include orphaned services (not declared by project)")
  boolean orphans;

  @Override
  public Integer call() {
    List<String> statuses = new ArrayList<>(status);
    for (String f : filters) {
      if (!f.startsWith("status=")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "invalid filter '" + f + "': only status=STATUS is supported");
      }
      statuses.add(f.substring("status=".length()));
    }
    String project = CommandContext.projectName(spec);
    List<ContainerSummary> containers =
        new ArrayList<>(
            CommandContext.compose(spec)
                .ps(project, new PsOptions(services, all || !statuses.isEmpty(), statuses)));
    if (!orphans) {
      Project p = CommandContext.projectIfAvailable(spec);
      if (p != null) {
        containers.removeIf(c -> !p.services().containsKey(c.service()));
      }
    }
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
    if (format.equals("table")) {
      return r.table(containers);
    }
    if (format.equals("json")) {
      return r.jsonLines(containers);
    }
    try {
      return GoTemplate.parse(format)
          .render(containers.stream().map(r::json).toList(), PsRenderer.HEADERS);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "invalid --format: " + e.getMessage());
    }
  }

  private static String lines(List<String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(v -> sb.append(v).append('\n'));
    return sb.toString();
  }
}
