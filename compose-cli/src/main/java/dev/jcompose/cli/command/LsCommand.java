package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.ProjectSummary;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose ls}: every compose project on this host, found by its containers' labels (no
 * compose file needed): NAME STATUS CONFIG FILES, or a JSON array of {@code Name, Status,
 * ConfigFiles} as docker compose prints it; {@code --filter name=X} keeps names containing X.
 */
public final class LsCommand implements Command {
  private static final Opt ALL = Opt.flag("Show all stopped Compose projects", "-a", "--all");
  private static final Opt FILTERS =
      Opt.value("FILTER", "Filter output based on conditions provided", "--filter");
  private static final Opt FORMAT =
      Opt.value("FORMAT", "Format the output. Values: [table | json]", "--format");
  private static final Opt QUIET = Opt.flag("Only display project names", "-q", "--quiet");
  static final VerbSpec SPEC =
      VerbSpec.of("List running compose projects", "ls")
          .options(ALL, FILTERS, FORMAT, QUIET)
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  boolean all;

  List<String> filters = new ArrayList<>();

  String format;

  boolean quiet;

  @Override
  public int run(Args args) {
    this.args = args;
    all = args.has(ALL);
    filters = new ArrayList<>(args.all(FILTERS));
    format = args.get(FORMAT, "table");
    quiet = args.has(QUIET);
    List<ProjectSummary> projects =
        CommandContext.compose(args).projects(all).stream().filter(this::matches).toList();
    PrintStream out = CommandContext.out();
    if (quiet) {
      projects.forEach(p -> out.println(p.name()));
    } else if (format.equals("json")) {
      List<Map<String, String>> rows = new ArrayList<>();
      for (ProjectSummary p : projects) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Name", p.name());
        m.put("Status", p.status());
        m.put("ConfigFiles", String.join(",", p.configFiles()));
        rows.add(m);
      }
      out.println(Json.write(rows));
    } else if (format.equals("table")) {
      TabTable t = new TabTable().row(List.of("NAME", "STATUS", "CONFIG FILES"));
      projects.forEach(
          p -> t.row(List.of(p.name(), p.status(), String.join(",", p.configFiles()))));
      out.print(t.render());
    } else {
      throw args.usage("unknown format '" + format + "': use table or json");
    }
    out.flush();
    return 0;
  }

  /** docker compose's only filter: {@code name=<substring>}. */
  private Args args;

  private boolean matches(ProjectSummary p) {
    for (String f : filters) {
      int eq = f.indexOf('=');
      String key = eq < 0 ? f : f.substring(0, eq);
      if (!key.equals("name")) {
        throw args.usage("invalid filter '" + key + "'");
      }
      if (!p.name().contains(f.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }
}
