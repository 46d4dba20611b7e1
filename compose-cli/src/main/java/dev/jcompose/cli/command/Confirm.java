package dev.jcompose.cli.command;

import dev.jcompose.cli.console.Invocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * docker's "Are you sure you want to continue? [y/N]": yes only for an answer starting with y; no
 * terminal, no.
 */
final class Confirm {
  private Confirm() {}

  static boolean ask(String warning) throws IOException {
    Invocation.current().err().println(warning);
    if (!Terminal.attached()) {
      return false;
    }
    Invocation.current().err().print("Are you sure you want to continue? [y/N] ");
    Invocation.current().err().flush();
    String answer =
        new BufferedReader(new InputStreamReader(Invocation.current().in(), StandardCharsets.UTF_8))
            .readLine();
    return answer != null && answer.trim().toLowerCase(Locale.ROOT).startsWith("y");
  }
}
