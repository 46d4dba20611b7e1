package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Command;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.cli.option.ProjectOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code jcompose completion bash|zsh|fish}: a completion script on stdout, to install with e.g.
 * {@code jcompose completion bash > /etc/bash_completion.d/jcompose}, {@code jcompose completion
 * zsh > "${fpath[1]}/_jcompose"} or {@code jcompose completion fish >
 * ~/.config/fish/completions/jcompose.fish}. Verbs and options come from the verbs' specs (the same
 * ones help prints); service names from the project in the current directory, asked at completion
 * time through {@code jcompose __complete services}.
 */
public final class CompletionCommand implements Command {
  private static final VerbSpec SPEC =
      VerbSpec.of("Output shell completion code for bash, zsh or fish", "completion")
          .operands("SHELL", 1, 1)
          .build();
  private final Supplier<Map<String, Command>> verbs;

  public CompletionCommand(Supplier<Map<String, Command>> verbs) {
    this.verbs = verbs;
  }

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  public int run(Args args) {
    PrintStream out = Invocation.current().out();
    Map<String, Command> all = verbs.get();
    String serviceVerbs = serviceVerbs(all);
    switch (args.operand(0)) {
      case "bash" -> out.print(bash(all) + CompletionScripts.bashServices(serviceVerbs));
      case "zsh" -> out.print(CompletionScripts.zsh(serviceVerbs));
      case "fish" -> out.print(CompletionScripts.fish(serviceVerbs));
      default -> throw args.usage("unknown shell '" + args.operand(0) + "': use bash, zsh or fish");
    }
    out.flush();
    return 0;
  }

  /**
   * {@code _complete_jcompose}: verbs at the first word, then the verb's sub-verbs and options (and
   * the global ones); the services front ({@link CompletionScripts#bashServices}) calls it.
   */
  static String bash(Map<String, Command> verbs) {
    StringBuilder b =
        new StringBuilder("_complete_jcompose() {\n")
            .append("  local cur=${COMP_WORDS[COMP_CWORD]} verb= w\n")
            .append("  for w in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do case $w in -*) ;; *)")
            .append(" verb=$w; break;; esac; done\n")
            .append("  case $verb in\n");
    List<String> globals = new ArrayList<>();
    ProjectOptions.GLOBALS.forEach(o -> globals.addAll(o.names()));
    verbs.forEach(
        (name, cmd) -> {
          VerbSpec s = cmd.spec();
          List<String> words = new ArrayList<>(s.subverbs().keySet());
          for (Opt o : s.options()) {
            if (!o.hidden()) {
              words.addAll(o.names());
            }
          }
          words.addAll(globals);
          b.append("    ")
              .append(name)
              .append(") COMPREPLY=($(compgen -W \"")
              .append(String.join(" ", words))
              .append("\" -- \"$cur\"));;\n");
        });
    b.append("    *) COMPREPLY=($(compgen -W \"")
        .append(String.join(" ", verbs.keySet()))
        .append(' ')
        .append(String.join(" ", globals))
        .append("\" -- \"$cur\"));;\n  esac\n}\n");
    return b.toString();
  }

  /** The verbs whose positional arguments are services, space separated. */
  static String serviceVerbs(Map<String, Command> verbs) {
    return verbs.entrySet().stream()
        .filter(
            e ->
                e.getValue().spec().operands().startsWith("SERVICE")
                    || e.getValue().spec().operands().startsWith("[SERVICE"))
        .map(Map.Entry::getKey)
        .sorted()
        .collect(Collectors.joining(" "));
  }
}
