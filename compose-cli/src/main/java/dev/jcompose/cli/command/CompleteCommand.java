package dev.jcompose.cli.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose __complete verbs|options VERB [SUB]|subcommands VERB|services}: what the shell
 * completion scripts ask while the user types (cobra's {@code __complete} in spirit): the verbs
 * with their descriptions ({@code name<TAB>description}), a verb's options, and the service names
 * of the project the command line would load (honouring {@code -f}/{@code -p} given before).
 * Hidden; failures print nothing.
 */
@Command(
    name = CompleteCommand.NAME,
    hidden = true,
    description = "Completion candidates for the shell scripts")
public final class CompleteCommand implements Callable<Integer> {
  public static final String NAME = "__complete";
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "WHAT")
  List<String> what = List.of();

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      String kind = what.isEmpty() ? "verbs" : what.get(0);
      switch (kind) {
        case "verbs" ->
            spec.root()
                .subcommands()
                .forEach(
                    (name, cl) -> {
                      if (!cl.getCommandSpec().usageMessage().hidden()
                          && name.equals(cl.getCommandName())) {
                        out.println(name + "\t" + description(cl.getCommandSpec()));
                      }
                    });
        case "subcommands" ->
            command(what.subList(1, what.size()))
                .subcommands()
                .forEach((name, cl) -> out.println(name + "\t" + description(cl.getCommandSpec())));
        case "options" -> {
          for (OptionSpec o : command(what.subList(1, what.size())).options()) {
            if (!o.hidden()) {
              for (String n : o.names()) {
                out.println(n + "\t" + (o.description().length > 0 ? o.description()[0] : ""));
              }
            }
          }
        }
        case "services" ->
            CommandContext.loadProject(spec).services().keySet().stream()
                .sorted()
                .forEach(out::println);
        default -> {}
      }
    } catch (RuntimeException e) {
      // completion offers nothing rather than an error in the middle of the user's line
    }
    out.flush();
    return 0;
  }

  /** The (sub)command a path of names leads to from the root; the root when it leads nowhere. */
  private CommandSpec command(List<String> path) {
    CommandSpec at = spec.root();
    for (String name : path) {
      CommandLine next = at.subcommands().get(name);
      if (next == null) {
        break;
      }
      at = next.getCommandSpec();
    }
    return at;
  }

  private static String description(CommandSpec s) {
    String[] d = s.usageMessage().description();
    return d.length == 0 ? "" : d[0];
  }
}
