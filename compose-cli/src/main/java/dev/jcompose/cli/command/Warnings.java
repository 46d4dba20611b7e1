package dev.jcompose.cli.command;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Warnings on stderr in docker compose's form ({@code WARN[0000] message}, logrus' text format),
 * each once per command even when the project is loaded twice.
 */
final class Warnings {
  private static final Set<String> PRINTED = ConcurrentHashMap.newKeySet();

  private Warnings() {}

  static void print(String message) {
    if (PRINTED.add(message)) {
      System.err.println("WARN[0000] " + message);
      System.err.flush();
    }
  }

  static void printAll(List<String> messages) {
    messages.forEach(Warnings::print);
  }
}
