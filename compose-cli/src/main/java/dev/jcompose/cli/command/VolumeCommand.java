package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code jcompose volume ls|rm}: the project's named volumes, found by the compose project label as
 * docker compose does; no engine needed.
 */
public final class VolumeCommand extends Group {
  public VolumeCommand() {
    super(
        "volume",
        "Manage the project's volumes",
        List.of(
            Sub.of(Ls.SPEC, Ls::new),
            Sub.of(Rm.SPEC, Rm::new),
            Sub.of(Create.SPEC, Create::new),
            Sub.of(Inspect.SPEC, Inspect::new),
            Sub.of(Prune.SPEC, Prune::new)));
  }

  /**
   * {@code volume ls}: table (DRIVER, VOLUME NAME), {@code -q} names, or one JSON object a line.
   */
  static final class Ls implements Command {
    private static final Opt FORMAT =
        Opt.value("FORMAT", "Format the output: table or json", "--format");
    private static final Opt QUIET = Opt.flag("Only display volume names", "-q", "--quiet");
    static final VerbSpec SPEC =
        VerbSpec.of("List the project's volumes", "volume", "ls").options(FORMAT, QUIET).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) {
      String format = args.get(FORMAT, "table");
      if (!args.has(QUIET) && !format.equals("json") && !format.equals("table")) {
        throw args.usage("unknown format '" + format + "': use table or json");
      }
      List<VolumeSummary> volumes =
          CommandContext.compose(args).volumes(CommandContext.projectName(args));
      PrintStream out = Invocation.current().out();
      if (args.has(QUIET)) {
        volumes.forEach(v -> out.println(v.name()));
      } else if (format.equals("json")) {
        for (VolumeSummary v : volumes) {
          out.println(Json.write(jsonOf(v)));
        }
      } else {
        out.printf("%-10s%s%n", "DRIVER", "VOLUME NAME");
        volumes.forEach(v -> out.printf("%-10s%s%n", v.driver(), v.name()));
      }
      out.flush();
      return 0;
    }

    /** The keys {@code docker volume ls --format json} prints, in Go's sorted order. */
    private static Map<String, String> jsonOf(VolumeSummary v) {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("Availability", "N/A");
      m.put("Driver", v.driver());
      m.put("Group", "N/A");
      m.put(
          "Labels",
          v.labels().entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(",")));
      m.put("Links", "N/A");
      m.put("Mountpoint", v.mountpoint());
      m.put("Name", v.name());
      m.put("Scope", "local");
      m.put("Size", "N/A");
      m.put("Status", "N/A");
      return m;
    }
  }

  /**
   * {@code volume rm NAME...}: removes volumes by engine name, or by the compose key ({@code data}
   * for {@code <project>_data}). Prints each removed name like docker volume rm. It cannot see
   * containers, so stop the stack first (down without -v keeps volumes).
   */
  static final class Rm implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Remove one or more volumes", "volume", "rm")
            .operands("VOLUME [VOLUME...]", 1, -1)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    @Override
    public int run(Args args) {
      ComposeService compose = CommandContext.compose(args);
      String project = CommandContext.projectName(args);
      int failures = 0;
      for (String name : args.operands()) {
        try {
          Invocation.current().out().println(compose.removeVolume(project, name));
        } catch (ComposeException e) {
          Invocation.current().err().println(e.getMessage());
          failures++;
        }
      }
      Invocation.current().out().flush();
      Invocation.current().err().flush();
      return failures == 0 ? 0 : 1;
    }
  }

  static final class Create implements Command {
    private static final Opt LABELS =
        Opt.value("KEY=VALUE", "Set metadata for a volume", "-l", "--label");
    static final VerbSpec SPEC =
        VerbSpec.of("Create a volume", "volume", "create")
            .operands("[VOLUME]", 0, 1)
            .options(LABELS)
            .build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    String name;

    List<String> labels = new ArrayList<>();

    @Override
    public int run(Args args) {
      name = args.operand(0);
      labels = new ArrayList<>(args.all(LABELS));
      Map<String, String> l = new LinkedHashMap<>();
      labels.forEach(
          kv ->
              l.put(
                  kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv,
                  kv.contains("=") ? kv.substring(kv.indexOf('=') + 1) : ""));
      CommandContext.out().println(CommandContext.compose(args).volumeCreate(name, l).name());
      CommandContext.out().flush();
      return 0;
    }
  }

  static final class Inspect implements Command {
    static final VerbSpec SPEC =
        VerbSpec.of("Display detailed information on one or more volumes", "volume", "inspect")
            .operands("VOLUME...", 1, -1)
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
          CommandContext.compose(args).volumeInspect(names).stream()
              .map(InspectJson::volume)
              .toList();
      CommandContext.out().println(Json.pretty(docs));
      CommandContext.out().flush();
      return 0;
    }
  }

  /**
   * {@code volume prune}: volumes no container uses, anonymous ones only unless {@code -a} (docker
   * 23+).
   */
  static final class Prune implements Command {
    private static final Opt ALL =
        Opt.flag("Remove all unused volumes, not just anonymous ones", "-a", "--all");
    private static final Opt FORCE = Opt.flag("Do not prompt for confirmation", "-f", "--force");
    static final VerbSpec SPEC =
        VerbSpec.of("Remove unused local volumes", "volume", "prune").options(ALL, FORCE).build();

    @Override
    public VerbSpec spec() {
      return SPEC;
    }

    boolean all;

    boolean force;

    @Override
    public int run(Args args) throws IOException {
      all = args.has(ALL);
      force = args.has(FORCE);
      return PruneOutput.confirmAndPrune(
          force,
          "WARNING! This will remove "
              + (all ? "all" : "anonymous")
              + " local volumes not used by at least one container.",
          () -> CommandContext.compose(args).volumePrune(all, CommandContext.progress(args)),
          PruneOutput.Section.VOLUMES);
    }
  }
}
