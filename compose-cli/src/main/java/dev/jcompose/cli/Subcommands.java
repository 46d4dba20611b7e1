package dev.jcompose.cli;

import dev.jcompose.cli.command.BuildCommand;
import dev.jcompose.cli.command.ConfigCommand;
import dev.jcompose.cli.command.ConvertCommand;
import dev.jcompose.cli.command.DownCommand;
import dev.jcompose.cli.command.EngineCommand;
import dev.jcompose.cli.command.EventsCommand;
import dev.jcompose.cli.command.ExecCommand;
import dev.jcompose.cli.command.ImagesCommand;
import dev.jcompose.cli.command.LogsCommand;
import dev.jcompose.cli.command.PortCommand;
import dev.jcompose.cli.command.PsCommand;
import dev.jcompose.cli.command.PullCommand;
import dev.jcompose.cli.command.PushCommand;
import dev.jcompose.cli.command.RestartCommand;
import dev.jcompose.cli.command.RunCommand;
import dev.jcompose.cli.command.StartCommand;
import dev.jcompose.cli.command.StopCommand;
import dev.jcompose.cli.command.UpCommand;
import dev.jcompose.cli.command.VersionCommand;
import dev.jcompose.cli.command.VolumeCommand;
import dev.jcompose.cli.command.WatchCommand;
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
          "-f", "--file", "-p", "--project-name", "--project-directory", "--env-file", "--profile");

  private Subcommands() {}

  // Class literals, not constructor references: no lambda is linked for verbs that do not run.
  private static Map<String, Class<?>> verbs() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("config", ConfigCommand.class);
    m.put("convert", ConvertCommand.class);
    m.put("pull", PullCommand.class);
    m.put("build", BuildCommand.class);
    m.put("push", PushCommand.class);
    m.put("watch", WatchCommand.class);
    m.put("images", ImagesCommand.class);
    m.put("volume", VolumeCommand.class);
    m.put("up", UpCommand.class);
    m.put("down", DownCommand.class);
    m.put("ps", PsCommand.class);
    m.put("logs", LogsCommand.class);
    m.put("stop", StopCommand.class);
    m.put("start", StartCommand.class);
    m.put("restart", RestartCommand.class);
    m.put("exec", ExecCommand.class);
    m.put("run", RunCommand.class);
    m.put("port", PortCommand.class);
    m.put("events", EventsCommand.class);
    m.put("engine", EngineCommand.class);
    m.put("version", VersionCommand.class);
    return m;
  }

  /** Adds the verb {@code args} names, or every verb when it names none of them. */
  static void register(CommandLine cli, String... args) {
    String verb = verbOf(args);
    if (VERBS.containsKey(verb)) {
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
  }
}
