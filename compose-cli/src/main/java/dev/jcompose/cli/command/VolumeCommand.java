package dev.jcompose.cli.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.cli.output.InspectJson;
import dev.jcompose.cli.output.Units;
import dev.jcompose.scheduler.api.ComposeException;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.VolumeSummary;
import java.io.IOException;
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
 * docker compose does; {@code volume create|inspect|prune}: the host's volumes as {@code docker
 * volume} manages them. No engine needed.
 */
@Command(
    name = "volume",
    description = "Manage volumes",
    subcommands = {
      VolumeCommand.Ls.class,
      VolumeCommand.Rm.class,
      VolumeCommand.Create.class,
      VolumeCommand.Inspect.class,
      VolumeCommand.Prune.class
    })
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
  static class Ls implements Callable<Integer> {
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
          CommandContext.compose(spec).volumes(CommandContext.projectName(spec));
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
      ComposeService compose = CommandContext.compose(spec);
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

  /**
   * {@code volume create [NAME]}: a local volume (a random name when none is given), labels from
   * {@code --label}.
   */
  @Command(name = "create", description = "Create a volume")
  static final class Create implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "VOLUME")
    String name;

    @Option(
        names = {"-l", "--label"},
        paramLabel = "KEY=VALUE",
        description = "Set metadata for a volume")
    List<String> labels = new ArrayList<>();

    @Override
    public Integer call() {
      Map<String, String> l = new LinkedHashMap<>();
      labels.forEach(
          kv ->
              l.put(
                  kv.contains("=") ? kv.substring(0, kv.indexOf('=')) : kv,
                  kv.contains("=") ? kv.substring(kv.indexOf('=') + 1) : ""));
      spec.commandLine()
          .getOut()
          .println(CommandContext.compose(spec).volumeCreate(name, l).name());
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  @Command(name = "inspect", description = "Display detailed information on one or more volumes")
  static final class Inspect implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "VOLUME")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
      List<Map<String, Object>> docs =
          CommandContext.compose(spec).volumeInspect(names).stream()
              .map(InspectJson::volume)
              .toList();
      spec.commandLine().getOut().println(Json.pretty(docs));
      spec.commandLine().getOut().flush();
      return 0;
    }
  }

  /**
   * {@code volume prune}: volumes no container uses, anonymous ones only unless {@code -a} (docker
   * 23+).
   */
  @Command(name = "prune", description = "Remove unused local volumes")
  static final class Prune implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = {"-a", "--all"},
        description = "Remove all unused volumes, not just anonymous ones")
    boolean all;

    @Option(names = "--force", description = "Do not prompt for confirmation")
    boolean force;

    @Override
    public Integer call() throws IOException {
      if (!force
          && !Confirm.ask(
              "WARNING! This will remove "
                  + (all ? "all" : "anonymous")
                  + " local volumes not used by at least one container.")) {
        return 0;
      }
      var r = CommandContext.compose(spec).volumePrune(all, CommandContext.progress(spec));
      PrintWriter out = spec.commandLine().getOut();
      if (!r.volumes().isEmpty()) {
        out.println("Deleted Volumes:");
        r.volumes().forEach(out::println);
        out.println();
      }
      out.println("Total reclaimed space: " + Units.decimal(r.reclaimedBytes()));
      out.flush();
      return 0;
    }
  }
}
