package dev.jcompose.cli;

import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.command.ConfigCommand;
import dev.jcompose.cli.command.ConvertCommand;
import dev.jcompose.cli.command.DownCommand;
import dev.jcompose.cli.command.EngineCommand;
import dev.jcompose.cli.command.EventsCommand;
import dev.jcompose.cli.command.ExecCommand;
import dev.jcompose.cli.command.HelpCommand;
import dev.jcompose.cli.command.ImagesCommand;
import dev.jcompose.cli.command.LogsCommand;
import dev.jcompose.cli.command.PortCommand;
import dev.jcompose.cli.command.PsCommand;
import dev.jcompose.cli.command.PullCommand;
import dev.jcompose.cli.command.RestartCommand;
import dev.jcompose.cli.command.RunCommand;
import dev.jcompose.cli.command.StartCommand;
import dev.jcompose.cli.command.StopCommand;
import dev.jcompose.cli.command.UpCommand;
import dev.jcompose.cli.command.VersionCommand;
import dev.jcompose.cli.command.VolumeCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verbs, in the order {@code --help} lists them. Only the verb a command line names is made
 * (and so only its class loaded); {@code --help} makes them all for their descriptions.
 */
final class Subcommands {
  private static final List<String> NAMES =
      List.of(
          "config", "convert", "pull", "images", "volume", "up", "down", "ps", "logs", "stop",
          "start", "restart", "exec", "run", "port", "events", "engine", "version", "help");

  private Subcommands() {}

  /** The verb {@code name}, null if there is none. */
  static Command create(String name) {
    return switch (name) {
      case "config" -> new ConfigCommand();
      case "convert" -> new ConvertCommand();
      case "pull" -> new PullCommand();
      case "images" -> new ImagesCommand();
      case "volume" -> new VolumeCommand();
      case "up" -> new UpCommand();
      case "down" -> new DownCommand();
      case "ps" -> new PsCommand();
      case "logs" -> new LogsCommand();
      case "stop" -> new StopCommand();
      case "start" -> new StartCommand();
      case "restart" -> new RestartCommand();
      case "exec" -> new ExecCommand();
      case "run" -> new RunCommand();
      case "port" -> new PortCommand();
      case "events" -> new EventsCommand();
      case "engine" -> new EngineCommand();
      case "version" -> new VersionCommand();
      case "help" -> new HelpCommand(JcomposeCli::help, new JcomposeCli());
      default -> null;
    };
  }

  static List<String> names() {
    return NAMES;
  }

  /**
   * The verbs help lists, by name in its order (hidden ones, made by {@link #create} but not
   * listed, are left out): what shell completion walks for verbs, options and operands.
   */
  static Map<String, Command> visible() {
    Map<String, Command> m = new LinkedHashMap<>();
    for (String name : NAMES) {
      m.put(name, create(name));
    }
    return m;
  }

  /** Every verb's name and description. */
  static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    visible().forEach((name, verb) -> m.put(name, verb.spec().description()));
    return m;
  }
}
