package dev.jcompose.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * For {@code exec/run SERVICE COMMAND...}: from the command's first word on, every argument is the
 * container's command, options included ({@code sh -c ...}), as docker compose parses it. (Parser
 * settings such as stop-at-positional are copied from the root command, so this is done per
 * parameter.)
 */
final class RestIsCommand implements IParameterPreprocessor {
  @Override
  public boolean preprocess(
      Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
    List<String> rest = new ArrayList<>();
    while (!args.isEmpty()) {
      rest.add(args.pop());
    }
    argSpec.setValue(rest);
    return true;
  }
}
