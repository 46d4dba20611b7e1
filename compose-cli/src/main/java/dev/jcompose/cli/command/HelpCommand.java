package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import java.util.function.Function;

/** {@code jcompose help [COMMAND...]}: the help of the root or of the verb named. */
public final class HelpCommand implements Command {
  private static final VerbSpec SPEC =
      VerbSpec.of("Display help information about the specified command.", "help")
          .operands("[COMMAND...]", 0, -1)
          .build();

  private final Function<Command, String> help;
  private final Command root;

  public HelpCommand(Function<Command, String> help, Command root) {
    this.help = help;
    this.root = root;
  }

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    Command c = root;
    for (String word : args.operands()) {
      Command next = c.child(word);
      if (next == null) {
        throw args.usage(
            "unknown command \"" + word + "\" for \"" + c.spec().qualifiedName() + "\"");
      }
      c = next;
    }
    Invocation.current().out().print(help.apply(c));
    Invocation.current().out().flush();
    return 0;
  }
}
