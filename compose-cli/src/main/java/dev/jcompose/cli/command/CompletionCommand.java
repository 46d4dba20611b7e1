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
    List<String> valued = globalsTakingValues();
    switch (args.operand(0)) {
      case "bash" -> out.print(CompletionScripts.bash(verbCases(all), valued, serviceVerbs));
      case "zsh" -> out.print(CompletionScripts.zsh(valued, serviceVerbs));
      case "fish" -> out.print(CompletionScripts.fish(valued, serviceVerbs));
      default -> throw args.usage("unknown shell '" + args.operand(0) + "': use bash, zsh or fish");
    }
    out.flush();
    return 0;
  }

  /**
   * bash's {@code case} arms: each verb's sub-verbs and options (and the global ones), then the
   * verbs themselves when no verb is typed yet.
   */
  static String verbCases(Map<String, Command> verbs) {
    StringBuilder b = new StringBuilder();
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
          b.append(arm(name, words));
        });
    List<String> first = new ArrayList<>(verbs.keySet());
    first.addAll(globals);
    return b.append(arm("*", first)).toString();
  }

  private static String arm(String pattern, List<String> words) {
    return "    %s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\"));;\n"
        .formatted(pattern, String.join(" ", words));
  }

  /** The global options that take a value: the word after them is not the verb. */
  static List<String> globalsTakingValues() {
    return ProjectOptions.GLOBALS.stream()
        .filter(o -> !o.isFlag())
        .flatMap(o -> o.names().stream())
        .toList();
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
