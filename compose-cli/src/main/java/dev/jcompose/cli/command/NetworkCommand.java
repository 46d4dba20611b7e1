package dev.jcompose.cli.command;

import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.cli.output.ShortIds;
import dev.jcompose.scheduler.api.NetworkDetails;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose network ls|inspect}: the engine's bridge networks as {@code docker network} shows
 * them.
 */
@Command(
    name = "network",
    description = "Manage networks",
    subcommands = {NetworkCommand.Ls.class, NetworkCommand.Inspect.class})
public final class NetworkCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "ls", aliases = "list", description = "List networks")
  static final class Ls implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-q", "--quiet"},
        description = "Only display network names")
    boolean quiet;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "Format output: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
    String format;

    @Override
    public Integer call() {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (NetworkDetails n : CommandContext.compose(spec).networks(List.of())) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("CreatedAt", "");
        m.put("Driver", n.driver());
        m.put("ID", ShortIds.of(n.name()));
        m.put("IPv6", "false");
        m.put("Internal", Boolean.toString(n.internal()));
        m.put(
            "Labels",
            String.join(
                ",",
                n.labels().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue())
                    .sorted()
                    .toList()));
        m.put("Name", n.name());
        m.put("Scope", "local");
        rows.add(m);
      }
      PrintWriter out = spec.commandLine().getOut();
      if (quiet) {
        rows.forEach(r -> out.println(r.get("Name")));
      } else {
        String template =
            format.equals("table")
                ? "table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}"
                : format.equals("json") ? "{{json .}}" : format;
        out.print(GoTemplate.parse(template).render(rows, Map.of("ID", "NETWORK ID")));
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on one or more networks")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "NETWORK")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      List<Map<String, Object>> docs =
          CommandContext.compose(spec).networks(names).stream().map(InspectJson::network).toList();
      spec.commandLine().getOut().println(Json.pretty(docs));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
