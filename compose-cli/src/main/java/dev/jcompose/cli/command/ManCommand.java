package dev.jcompose.cli.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose man [--dir DIR]}: writes a man page per command ({@code jcompose.1}, {@code
 * jcompose-up.1}, {@code jcompose-image-save.1}...) into DIR, by default {@code
 * /usr/local/share/man/man1}, so {@code man jcompose-up} works. The pages are made from the same
 * command model as {@code --help} ({@link ManPages}).
 */
@Command(name = "man", description = "Install the man pages of every command")
public final class ManCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      defaultValue = "/usr/local/share/man/man1",
      description = "Directory to write the pages to")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(dir);
    write(spec.root(), "jcompose");
    spec.commandLine().getOut().flush();
    return 0;
  }

  private void write(CommandSpec command, String page) throws IOException {
    if (command.usageMessage().hidden()) {
      return;
    }
    Path file = dir.resolve(page + ".1");
    Files.writeString(file, ManPages.page(command, page), StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(file);
    for (var e : command.subcommands().entrySet()) {
      if (e.getKey().equals(e.getValue().getCommandName()) && !e.getKey().equals("help")) {
        write(e.getValue().getCommandSpec(), page + "-" + e.getKey());
      }
    }
  }
}
