package dev.jcompose.cli.command;

import dev.jcompose.cli.console.Invocation;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Raw mode for the controlling terminal via {@code stty} (the JDK has no termios API): returns the
 * previous settings ({@code stty -g}) so they can be restored exactly.
 */
final class Terminal {
  private Terminal() {}

  /** Whether stdin and stdout are a terminal (JDK 17: System.console() is null otherwise). */
  static boolean attached() {
    return Invocation.current().terminal();
  }

  static String makeRaw() {
    String saved = stty("-g");
    stty("raw", "-echo");
    return saved;
  }

  static void restore(String saved) {
    if (!saved.isBlank()) {
      stty(saved.trim());
    }
  }

  private static String stty(String... args) {
    String[] cmd = new String[args.length + 1];
    cmd[0] = "stty";
    System.arraycopy(args, 0, cmd, 1, args.length);
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/tty")));
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(5, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
