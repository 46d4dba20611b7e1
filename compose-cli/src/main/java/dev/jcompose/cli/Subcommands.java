package dev.jcompose.cli;

import picocli.CommandLine;

/**
 * The list of subcommands, kept apart from the entry point so adding a verb touches one line.
 * Each is added by class name so that a verb under construction can't break the others' build.
 */
final class Subcommands {
  private static final String[] CLASSES = {
    "dev.jcompose.cli.command.ConfigCommand",
    "dev.jcompose.cli.command.PullCommand",
    "dev.jcompose.cli.command.BuildCommand",
    "dev.jcompose.cli.command.PushCommand",
    "dev.jcompose.cli.command.WatchCommand",
    "dev.jcompose.cli.command.ImagesCommand",
    "dev.jcompose.cli.command.VolumeCommand",
    "dev.jcompose.cli.command.UpCommand",
    "dev.jcompose.cli.command.DownCommand",
    "dev.jcompose.cli.command.PsCommand",
    "dev.jcompose.cli.command.LogsCommand",
    "dev.jcompose.cli.command.StopCommand",
    "dev.jcompose.cli.command.StartCommand",
    "dev.jcompose.cli.command.RestartCommand",
    "dev.jcompose.cli.command.ExecCommand",
    "dev.jcompose.cli.command.RunCommand",
    "dev.jcompose.cli.command.PortCommand",
    "dev.jcompose.cli.command.EventsCommand",
    "dev.jcompose.cli.command.EngineCommand",
    "dev.jcompose.cli.command.VersionCommand",
  };

  private Subcommands() {}

  static void register(CommandLine cli) {
    for (String name : CLASSES) {
      try {
        Object command = Class.forName(name).getDeclaredConstructor().newInstance();
        CommandLine sub = new CommandLine(command);
        // every verb answers --help, as docker compose's do
        sub.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit.").build());
        cli.addSubcommand(sub);
        LocalShortNames.apply(sub);
      } catch (ClassNotFoundException e) {
        // not built yet in this checkout: the verb is simply absent
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + name, e);
      }
    }
  }
}
