package dev.jcompose.cli.command;

import java.util.List;

/** Warnings on stderr in docker compose's form ({@code WARN[0000] message}, logrus' text format). */
final class Warnings {
  private Warnings() {}

  static void print(String message) {
    System.err.println("WARN[0000] " + message);
    System.err.flush();
  }

  static void printAll(List<String> messages) {
    messages.forEach(Warnings::print);
  }
}
