package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.common.json.Json;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code jcompose volume ls|rm}: the project's named volumes, found by the compose project label as
 * docker compose does; no engine needed.
 */
public final class VolumeCommand implements Command {
  private static final VerbSpec SPEC =
      VerbSpec.of("Manage the project's volumes", "volume")
          .subverb("ls", Ls.SPEC.description())
          .subverb("rm", Rm.SPEC.description())
          .build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public Command child(String name) {
    return switch (name) {
      case "ls" -> new Ls();
      case "rm" -> new Rm();
      default -> null;
    };
  }

  @Override
  public int run(Args args) {
    return 0; // a group: the CLI prints its help when no sub-verb is named
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
          CommandContext.compose.get().volumes(CommandContext.projectName(args));
      PrintStream out = System.out;
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
      ComposeService compose = CommandContext.compose.get();
      String project = CommandContext.projectName(args);
      int failures = 0;
      for (String name : args.operands()) {
        try {
          System.out.println(compose.removeVolume(project, name));
        } catch (ComposeException e) {
          System.err.println(e.getMessage());
          failures++;
        }
      }
      System.out.flush();
      System.err.flush();
      return failures == 0 ? 0 : 1;
    }
  }
}
