package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code jcompose __complete verbs|options VERB [SUB]|subcommands VERB|services}: what the shell
 * completion scripts ask while the user types (cobra's {@code __complete} in spirit): the verbs
 * with their descriptions ({@code name<TAB>description}), a verb's options, and the service names
 * of the project the command line would load (honouring {@code -f}/{@code -p} given before).
 * Hidden; failures print nothing.
 */
public final class CompleteCommand implements Command {
  public static final String NAME = "__complete";
  private static final VerbSpec SPEC =
      VerbSpec.of("Completion candidates for the shell scripts", NAME)
          .operands("[WHAT...]", 0, -1)
          .build();
  private final Supplier<Map<String, Command>> verbs;

  public CompleteCommand(Supplier<Map<String, Command>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    PrintStream out = Invocation.current().out();
    List<String> what = args.operands();
    try {
      String kind = what.isEmpty() ? "verbs" : what.get(0);
      switch (kind) {
        case "verbs" ->
            verbs.get().forEach((name, c) -> out.println(name + "\t" + c.spec().description()));
        case "subcommands" -> {
          Command c = command(what.subList(1, what.size()));
          if (c != null) {
            c.spec().subverbs().forEach((name, d) -> out.println(name + "\t" + d));
          }
        }
        case "options" -> {
          Command c = command(what.subList(1, what.size()));
          if (c != null) {
            for (Opt o : c.spec().options()) {
              if (!o.hidden()) {
                o.names().forEach(n -> out.println(n + "\t" + o.help()));
              }
            }
          }
        }
        case "services" ->
            CommandContext.loadProject(args).services().keySet().stream()
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

  /** The verb (or sub-verb) a path of names leads to; null when it leads nowhere. */
  private Command command(List<String> path) {
    if (path.isEmpty()) {
      return null;
    }
    Command at = verbs.get().get(path.get(0));
    for (String name : path.subList(1, path.size())) {
      Command next = at == null ? null : at.child(name);
      if (next == null) {
        break;
      }
      at = next;
    }
    return at;
  }
}
