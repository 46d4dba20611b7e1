package dev.jcompose.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.output.TabTable;
import dev.jcompose.scheduler.api.ProjectSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose ls}: every compose project on this host, found by its containers' labels (no
 * compose file needed): NAME STATUS CONFIG FILES, or a JSON array of {@code Name, Status,
 * ConfigFiles} as docker compose prints it; {@code --filter name=X} keeps names containing X.
 */
@Command(name = "ls", description = "List running compose projects")
public final class LsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-a", "--all"},
      description = "Show all stopped Compose projects")
  boolean all;

  @Option(
      names = "--filter",
      paramLabel = "FILTER",
      description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "Format the output. Values: [table | json]")
  String format;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display project names")
  boolean quiet;

  @Override
  public Integer call() throws JsonProcessingException {
    List<ProjectSummary> projects =
        CommandContext.compose(spec).projects(all).stream().filter(this::matches).toList();
    PrintWriter out = spec.commandLine().getOut();
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
      out.println(new ObjectMapper().writeValueAsString(rows));
    } else if (format.equals("table")) {
      TabTable t = new TabTable().row(List.of("NAME", "STATUS", "CONFIG FILES"));
      projects.forEach(
          p -> t.row(List.of(p.name(), p.status(), String.join(",", p.configFiles()))));
      out.print(t.render());
    } else {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown format '" + format + "': use table or json");
    }
    out.flush();
    return 0;
  }

  /** docker compose's only filter: {@code name=<substring>}. */
  private boolean matches(ProjectSummary p) {
    for (String f : filters) {
      int eq = f.indexOf('=');
      String key = eq < 0 ? f : f.substring(0, eq);
      if (!key.equals("name")) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "invalid filter '" + key + "'");
      }
      if (!p.name().contains(f.substring(eq + 1))) {
        return false;
      }
    }
    return true;
  }
}
