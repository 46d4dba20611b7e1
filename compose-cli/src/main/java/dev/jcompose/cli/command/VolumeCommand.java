package dev.jcompose.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose volume ls|rm}: the project's named volumes, found by the compose project label as
 * docker compose does; no engine needed.
 */
@Command(
    name = "volume",
    description = "Manage the project's volumes",
    subcommands = {VolumeCommand.Ls.class, VolumeCommand.Rm.class})
public final class VolumeCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * {@code volume ls}: table (DRIVER, VOLUME NAME), {@code -q} names, or one JSON object a line.
   */
  @Command(name = "ls", description = "List the project's volumes")
  static final class Ls implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--format",
        defaultValue = "table",
        description = "Format the output: table or json")
    String format;

    @Option(
        names = {"-q", "--quiet"},
        description = "Only display volume names")
    boolean quiet;

    @Override
    public Integer call() throws JsonProcessingException {
      List<VolumeSummary> volumes =
          CommandContext.compose.get().volumes(CommandContext.projectName(spec));
      PrintWriter out = spec.commandLine().getOut();
      if (quiet) {
        volumes.forEach(v -> out.println(v.name()));
      } else if (format.equals("json")) {
        ObjectMapper json = new ObjectMapper();
        for (VolumeSummary v : volumes) {
          out.println(json.writeValueAsString(jsonOf(v)));
        }
      } else if (format.equals("table")) {
        out.printf("%-10s%s%n", "DRIVER", "VOLUME NAME");
        volumes.forEach(v -> out.printf("%-10s%s%n", v.driver(), v.name()));
      } else {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "unknown format '" + format + "': use table or json");
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
  @Command(name = "rm", description = "Remove one or more volumes")
  static final class Rm implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      ComposeService compose = CommandContext.compose.get();
      String project = CommandContext.projectName(spec);
      int failures = 0;
      for (String name : names) {
        try {
          spec.commandLine().getOut().println(compose.removeVolume(project, name));
        } catch (ComposeException e) {
          spec.commandLine().getErr().println(e.getMessage());
          failures++;
        }
      }
      spec.commandLine().getOut().flush();
      spec.commandLine().getErr().flush();
      return failures == 0 ? 0 : 1;
    }
  }
}
