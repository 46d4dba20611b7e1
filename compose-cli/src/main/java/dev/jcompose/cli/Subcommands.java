package dev.jcompose.cli;

import picocli.CommandLine;

/**
 * The list of subcommands, kept apart from the entry point so adding a verb touches one line.
 * Each is added by class name so that a verb under construction can't break the others' build.
 */
final class Subcommands {
  private static final String[] CLASSES = {
    "dev.jcompose.cli.command.ConfigCommand",
  };

  private Subcommands() {}

  static void register(CommandLine cli) {
    for (String name : CLASSES) {
      try {
        Object command = Class.forName(name).getDeclaredConstructor().newInstance();
        cli.addSubcommand(command);
      } catch (ClassNotFoundException e) {
        // not built yet in this checkout: the verb is simply absent
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot instantiate " + name, e);
      }
    }
  }
}
