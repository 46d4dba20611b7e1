package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.PsRenderer;
import dev.jcompose.model.api.Project;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code jcompose ps}: the project's containers, sorted by name, as docker compose prints them: the
 * table, JSON Lines, or a Go template ({@code {{.Name}}}, {@code {{json .}}}, {@code table
 * {{.Service}}\t{{.State}}}) over docker's fields.
 */
public final class PsCommand implements Command {
  private static final Opt ALL =
      Opt.flag(
          "Show all stopped containers (including those created by the run command)",
          "-a",
          "--all");
  private static final Opt QUIET = Opt.flag("Only display IDs", "-q", "--quiet");
  private static final Opt LIST_SERVICES = Opt.flag("Display services", "--services");
  private static final Opt STATUS =
      Opt.value(
          "STATUS",
          "Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]",
          "--status");
  private static final Opt FILTERS =
      Opt.value(
          "KEY=VALUE", "Filter services by a property (supported filters: status)", "--filter");
  private static final Opt FORMAT =
      Opt.value(
          "FORMAT",
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'",
          "--format");
  private static final Opt NO_TRUNC = Opt.flag("Don't truncate output", "--no-trunc");
  private static final Opt ORPHANS =
      Opt.flag("Include orphaned services (not declared by project)", "--orphans").implicit("true");
  static final VerbSpec SPEC =
      VerbSpec.of("List containers", "ps")
          .services()
          .options(ALL, QUIET, LIST_SERVICES, STATUS, FILTERS, FORMAT, NO_TRUNC, ORPHANS)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  List<String> services = new ArrayList<>();

  boolean all;

  boolean quiet;

  boolean listServices;

  List<String> status = new ArrayList<>();

  List<String> filters = new ArrayList<>();

  String format;

  boolean noTrunc;

  boolean orphans;

  private Args args;

  @Override
  public int run(Args args) {
    this.args = args;
    services = new ArrayList<>(args.operandsFrom(0));
    all = args.has(ALL);
    quiet = args.has(QUIET);
    listServices = args.has(LIST_SERVICES);
    status = new ArrayList<>(args.all(STATUS));
    filters = new ArrayList<>(args.all(FILTERS));
    format = args.get(FORMAT, "table");
    noTrunc = args.has(NO_TRUNC);
    orphans = Boolean.parseBoolean(args.get(ORPHANS, "true"));
    List<String> statuses = new ArrayList<>(status);
    for (String f : filters) {
      if (!f.startsWith("status=")) {
        throw args.usage("invalid filter '" + f + "': only status=STATUS is supported");
      }
      statuses.add(f.substring("status=".length()));
    }
    String project = CommandContext.projectName(args);
    List<ContainerSummary> containers =
        new ArrayList<>(
            CommandContext.compose(args)
                .ps(project, new PsOptions(services, all || !statuses.isEmpty(), statuses)));
    if (!orphans) {
      Project p = CommandContext.projectIfAvailable(args);
      if (p != null) {
        containers.removeIf(c -> !p.services().containsKey(c.service()));
      }
    }
    // a plain lambda: Comparator.comparing's is serializable, which the AOT cache does not keep
    containers.sort((a, b) -> a.name().compareTo(b.name()));
    PrintStream out = CommandContext.out();
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
    PsRenderer r = new PsRenderer(Instant.now(), ZoneId::systemDefault, noTrunc);
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
      throw args.usage("invalid --format: " + e.getMessage());
    }
  }

  private static String lines(List<String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(v -> sb.append(v).append('\n'));
    return sb.toString();
  }
}
