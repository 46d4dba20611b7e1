package dev.jcompose.cli;

import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.command.AttachCommand;
import dev.jcompose.cli.command.BuildCommand;
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
import dev.jcompose.cli.command.HelpCommand;
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
import dev.jcompose.cli.command.PushCommand;
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
import dev.jcompose.cli.command.WatchCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The verbs, in the order {@code --help} lists them. Only the verb a command line names is made
 * (and so only its class loaded); {@code --help} makes them all for their descriptions.
 */
final class Subcommands {
  // docker compose's verbs in its --help order (alphabetical), then the groups and jcompose's own
  private static final List<String> NAMES =
      List.of(
          "attach",
          "build",
          "commit",
          "config",
          "cp",
          "create",
          "down",
          "events",
          "exec",
          "export",
          "images",
          "kill",
          "logs",
          "ls",
          "pause",
          "port",
          "ps",
          "pull",
          "push",
          "restart",
          "rm",
          "run",
          "scale",
          "start",
          "stats",
          "stop",
          "top",
          "unpause",
          "up",
          "version",
          "volumes",
          "wait",
          "watch",
          "container",
          "image",
          "network",
          "volume",
          "system",
          "convert",
          "engine",
          "completion",
          "man",
          "help");

  private Subcommands() {}

  /** The verb {@code name}, null if there is none. */
  static Command create(String name) {
    return switch (name) {
      case "attach" -> new AttachCommand();
      case "commit" -> new CommitCommand();
      case "config" -> new ConfigCommand();
      case "cp" -> new CpCommand();
      case "create" -> new CreateCommand();
      case "build" -> new BuildCommand();
      case "push" -> new PushCommand();
      case "watch" -> new WatchCommand();
      case "down" -> new DownCommand();
      case "events" -> new EventsCommand();
      case "exec" -> new ExecCommand();
      case "export" -> new ExportCommand();
      case "images" -> new ImagesCommand();
      case "kill" -> new KillCommand();
      case "logs" -> new LogsCommand();
      case "ls" -> new LsCommand();
      case "pause" -> new PauseCommand();
      case "port" -> new PortCommand();
      case "ps" -> new PsCommand();
      case "pull" -> new PullCommand();
      case "restart" -> new RestartCommand();
      case "rm" -> new RmCommand();
      case "run" -> new RunCommand();
      case "scale" -> new ScaleCommand();
      case "start" -> new StartCommand();
      case "stats" -> new StatsCommand();
      case "stop" -> new StopCommand();
      case "top" -> new TopCommand();
      case "unpause" -> new UnpauseCommand();
      case "up" -> new UpCommand();
      case "version" -> new VersionCommand();
      case "volumes" -> new VolumesCommand();
      case "wait" -> new WaitCommand();
      case "container" -> new ContainerCommand();
      case "image" -> new ImageCommand();
      case "network" -> new NetworkCommand();
      case "volume" -> new VolumeCommand();
      case "system" -> new SystemCommand();
      case "convert" -> new ConvertCommand();
      case "engine" -> new EngineCommand();
      case "completion" -> new CompletionCommand(Subcommands::visible);
      case "man" -> new ManCommand(Subcommands::visible);
      case CompleteCommand.NAME -> new CompleteCommand(Subcommands::visible);
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
