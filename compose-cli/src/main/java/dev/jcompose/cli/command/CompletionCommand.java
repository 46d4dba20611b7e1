package dev.jcompose.cli.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcompose completion bash|zsh|fish}: a completion script on stdout, to install with e.g.
 * {@code jcompose completion bash > /etc/bash_completion.d/jcompose}, {@code jcompose completion
 * zsh > "${fpath[1]}/_jcompose"} or {@code jcompose completion fish >
 * ~/.config/fish/completions/jcompose.fish}. Verbs and options come from the command model
 * (picocli's AutoComplete for bash); service names from the project in the current directory, asked
 * at completion time through {@code jcompose __complete services}.
 */
@Command(name = "completion", description = "Output shell completion code for bash, zsh or fish")
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish")
  String shell;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String serviceVerbs = serviceVerbs();
    switch (shell) {
      case "bash" -> out.print(bash(serviceVerbs));
      case "zsh" -> out.print(CompletionScripts.zsh(serviceVerbs));
      case "fish" -> out.print(CompletionScripts.fish(serviceVerbs));
      default ->
          throw new CommandLine.ParameterException(
              spec.commandLine(), "unknown shell '" + shell + "': use bash, zsh or fish");
    }
    out.flush();
    return 0;
  }

  /**
   * picocli's script (verbs, options) plus a front that offers service names where a verb takes
   * SERVICE.
   */
  private String bash(String serviceVerbs) {
    String picocli = AutoComplete.bash("jcompose", spec.root().commandLine());
    return picocli + CompletionScripts.bashServices(serviceVerbs);
  }

  /** The verbs whose positional parameters are services, space separated. */
  private String serviceVerbs() {
    return spec.root().subcommands().entrySet().stream()
        .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
        .filter(
            e ->
                e.getValue().getCommandSpec().positionalParameters().stream()
                    .anyMatch(p -> p.paramLabel().startsWith("SERVICE")))
        .map(e -> e.getKey())
        .sorted()
        .collect(Collectors.joining(" "));
  }
}
