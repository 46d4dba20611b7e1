package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.PsRenderer;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.PsOptions;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code jcompose ps}: the project's containers, sorted by name, as docker compose prints them. */
public final class PsCommand implements Command {
  private static final Opt ALL = Opt.flag("Show all stopped containers", "-a", "--all");
  private static final Opt QUIET = Opt.flag("Only display IDs", "-q", "--quiet");
  private static final Opt SERVICES = Opt.flag("Display services", "--services");
  private static final Opt STATUS =
      Opt.value(
          "STATUS",
          "Filter services by status: running, exited, created, restarting, ...",
          "--status");
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Format the output: table or json", "--format");
  private static final Opt NO_TRUNC = Opt.flag("Don't truncate output", "--no-trunc");
  private static final VerbSpec SPEC =
      VerbSpec.of("List containers", "ps")
          .services()
          .options(ALL, QUIET, SERVICES, STATUS, FORMAT, NO_TRUNC)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    String format = args.get(FORMAT, "table");
    if (!format.equals("table") && !format.equals("json")) {
      throw args.usage("unknown format '" + format + "': use table or json");
    }
    List<String> status = args.all(STATUS);
    String project = CommandContext.projectName(args);
    List<ContainerSummary> containers =
        new ArrayList<>(
            CommandContext.compose
                .get()
                .ps(
                    project,
                    new PsOptions(args.operands(), args.has(ALL) || !status.isEmpty(), status)));
    // a plain lambda: Comparator.comparing's is serializable, which the AOT cache does not keep
    containers.sort((a, b) -> a.name().compareTo(b.name()));
    PrintStream out = System.out;
    out.print(render(args, format, containers));
    out.flush();
    return 0;
  }

  private static String render(Args args, String format, List<ContainerSummary> containers) {
    if (args.has(QUIET)) {
      return lines(containers.stream().map(ContainerSummary::id).toList());
    }
    if (args.has(SERVICES)) {
      return lines(
          new ArrayList<>(
              new LinkedHashSet<>(containers.stream().map(ContainerSummary::service).toList())));
    }
    PsRenderer r = new PsRenderer(Instant.now(), ZoneId::systemDefault, args.has(NO_TRUNC));
    return format.equals("json") ? r.jsonLines(containers) : r.table(containers);
  }

  private static String lines(List<String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach(v -> sb.append(v).append('\n'));
    return sb.toString();
  }
}
