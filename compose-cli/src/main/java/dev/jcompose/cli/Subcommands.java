package dev.jcompose.cli;

import dev.jcompose.cli.command.AttachCommand;
import dev.jcompose.cli.command.CommitCommand;
import dev.jcompose.cli.command.CompleteCommand;
import dev.jcompose.cli.command.CompletionCommand;
import dev.jcompose.cli.command.ConfigCommand;
import dev.jcompose.cli.command.ContainerCommand;
import dev.jcompose.cli.command.ConvertCommand;
import dev.jcompose.cli.command.CpCommand;
import dev.jcompose.cli.command.CreateCommand;
import dev.jcompose.cli.command.DownCommand;
import dev.jcompose.cli.command.EngineCommand;
import dev.jcompose.cli.command.EventsCommand;
import dev.jcompose.cli.command.ExecCommand;
import dev.jcompose.cli.command.ExportCommand;
import dev.jcompose.cli.command.ImageCommand;
import dev.jcompose.cli.command.ImagesCommand;
import dev.jcompose.cli.command.KillCommand;
import dev.jcompose.cli.command.LogsCommand;
import dev.jcompose.cli.command.LsCommand;
import dev.jcompose.cli.command.ManCommand;
import dev.jcompose.cli.command.NetworkCommand;
import dev.jcompose.cli.command.PauseCommand;
import dev.jcompose.cli.command.PortCommand;
import dev.jcompose.cli.command.PsCommand;
import dev.jcompose.cli.command.PullCommand;
import dev.jcompose.cli.command.RestartCommand;
import dev.jcompose.cli.command.RmCommand;
import dev.jcompose.cli.command.RunCommand;
import dev.jcompose.cli.command.ScaleCommand;
import dev.jcompose.cli.command.StartCommand;
import dev.jcompose.cli.command.StatsCommand;
import dev.jcompose.cli.command.StopCommand;
import dev.jcompose.cli.command.SystemCommand;
import dev.jcompose.cli.command.TopCommand;
import dev.jcompose.cli.command.UnpauseCommand;
import dev.jcompose.cli.command.UpCommand;
import dev.jcompose.cli.command.VersionCommand;
import dev.jcompose.cli.command.VolumeCommand;
import dev.jcompose.cli.command.VolumesCommand;
import dev.jcompose.cli.command.WaitCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * The verbs, by type, in the order {@code --help} lists them. Building a verb's picocli model reads
 * its annotations, which costs start-up time, so only the verb a command line names is built;
 * {@code --help}, a bare {@code jcompose} or an unknown verb get them all.
 */
final class Subcommands {
  private static final Map<String, Class<?>> VERBS = verbs();

  /** Global options that take a value: skipped when looking for the verb. */
  private static final Set<String> GLOBAL_WITH_VALUE =
      Set.of(
          "-f",
          "--file",
          "-p",
          "--project-name",
          "--project-directory",
          "--env-file",
          "--profile",
          "--ansi",
          "--progress",
          "--parallel");

  private Subcommands() {}

  // Class literals, not constructor references: no lambda is linked for verbs that do not run.
  // docker compose's verbs in its --help order (alphabetical), then jcompose's own.
  private static Map<String, Class<?>> verbs() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("attach", AttachCommand.class);
    m.put("commit", CommitCommand.class);
    m.put("config", ConfigCommand.class);
    m.put("cp", CpCommand.class);
    m.put("create", CreateCommand.class);
    m.put("down", DownCommand.class);
    m.put("events", EventsCommand.class);
    m.put("exec", ExecCommand.class);
    m.put("export", ExportCommand.class);
    m.put("images", ImagesCommand.class);
    m.put("kill", KillCommand.class);
    m.put("logs", LogsCommand.class);
    m.put("ls", LsCommand.class);
    m.put("pause", PauseCommand.class);
    m.put("port", PortCommand.class);
    m.put("ps", PsCommand.class);
    m.put("pull", PullCommand.class);
    m.put("restart", RestartCommand.class);
    m.put("rm", RmCommand.class);
    m.put("run", RunCommand.class);
    m.put("scale", ScaleCommand.class);
    m.put("start", StartCommand.class);
    m.put("stats", StatsCommand.class);
    m.put("stop", StopCommand.class);
    m.put("top", TopCommand.class);
    m.put("unpause", UnpauseCommand.class);
    m.put("up", UpCommand.class);
    m.put("version", VersionCommand.class);
    m.put("volumes", VolumesCommand.class);
    m.put("wait", WaitCommand.class);
    m.put("container", ContainerCommand.class);
    m.put("image", ImageCommand.class);
    m.put("network", NetworkCommand.class);
    m.put("volume", VolumeCommand.class);
    m.put("system", SystemCommand.class);
    m.put("engine", EngineCommand.class);
    m.put("convert", ConvertCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("man", ManCommand.class);
    m.put(CompleteCommand.NAME, CompleteCommand.class);
    return m;
  }

  /** Adds the verb {@code args} names, or every verb when it names none of them. */
  static void register(CommandLine cli, String... args) {
    String verb = verbOf(args);
    // completion and man pages read the whole command model
    if (VERBS.containsKey(verb) && !WHOLE_MODEL.contains(verb)) {
      add(cli, VERBS.get(verb));
    } else {
      VERBS.values().forEach(v -> add(cli, v));
    }
  }

  /** The first word that is neither an option nor a global option's value. */
  static String verbOf(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (GLOBAL_WITH_VALUE.contains(args[i])) {
        i++;
      } else if (!args[i].startsWith("-")) {
        return args[i];
      }
    }
    return "";
  }

  static List<String> names() {
    return List.copyOf(VERBS.keySet());
  }

  private static void add(CommandLine cli, Class<?> command) {
    CommandLine sub = new CommandLine(command);
    // every verb answers --help, as docker compose's do
    sub.getCommandSpec()
        .addOption(
            CommandLine.Model.OptionSpec.builder("-h", "--help")
                .usageHelp(true)
                .description("Show this help message and exit.")
                .build());
    cli.addSubcommand(sub);
    LocalShortNames.apply(sub);
    if (STOP_AT_SERVICE.contains(sub.getCommandName())) {
      // "run app -c x": from SERVICE on, every word is the container's (set after adding, which
      // copies the root's settings)
      sub.setStopAtPositional(true);
    }
  }

  /** Verbs that need every verb's model. */
  private static final Set<String> WHOLE_MODEL = Set.of(CompleteCommand.NAME, "completion", "man");

  /** Verbs whose words after SERVICE all belong to the container's command. */
  private static final Set<String> STOP_AT_SERVICE = Set.of("run", "exec");
}
