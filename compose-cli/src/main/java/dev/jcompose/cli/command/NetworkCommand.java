package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.output.GoTemplate;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.cli.output.ShortIds;
import dev.jcompose.scheduler.api.NetworkDetails;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code jcompose network ls|inspect}: the engine's bridge networks as {@code docker network} shows
 * them.
 */
public final class NetworkCommand extends Group {
  public NetworkCommand() {
    super(
        "network",
        "Manage networks",
        List.of(Sub.of(Ls.SPEC, Ls::new, "list"), Sub.of(Inspect.SPEC, Inspect::new)));
  }

  static final class Ls implements Command {
    private static final Opt QUIET = Opt.flag("Only display network names", "-q", "--quiet");
    private static final Opt FORMAT =
        Opt.value(
            "FORMAT", "Format output: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'", "--format");
    static final VerbSpec SPEC =
        VerbSpec.of("List networks", "network", "ls").options(QUIET, FORMAT).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    boolean quiet;

    String format;

    @Override
    public int run(Args args) {
      quiet = args.has(QUIET);
      format = args.get(FORMAT, "table");
      List<Map<String, Object>> rows = new ArrayList<>();
      for (NetworkDetails n : CommandContext.compose(args).networks(List.of())) {
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
      PrintStream out = CommandContext.out();
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

  static final class Inspect implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Display detailed information on one or more networks", "network", "inspect")
            .operands("NETWORK...", 1, -1)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    List<String> names = new ArrayList<>();

    @Override
    public int run(Args args) {
      names = new ArrayList<>(args.operandsFrom(0));
      List<Map<String, Object>> docs =
          CommandContext.compose(args).networks(names).stream().map(InspectJson::network).toList();
      CommandContext.out().println(DockerJson.pretty(docs));
      CommandContext.out().flush();
      return 0;
    }
  }
}
