package dev.jcompose.cli.command;

import dev.jcompose.cli.console.Invocation;
import java.util.List;

/**
 * Warnings on stderr in docker compose's form ({@code WARN[0000] message}, logrus' text format),
 * each once per command even when the project is loaded twice.
 */
final class Warnings {
  private Warnings() {}

  static void print(String message) {
    if (Invocation.current().firstWarning(message)) {
      Invocation.current().err().println("WARN[0000] " + message);
      Invocation.current().err().flush();
    }
  }

  static void printAll(List<String> messages) {
    messages.forEach(Warnings::print);
  }
}
