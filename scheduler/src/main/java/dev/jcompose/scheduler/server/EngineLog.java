package dev.jcompose.scheduler.server;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The engine's log: {@code <runRoot>/engine.log}, appended. System.out and System.err are sent
 * there too so that stray prints and uncaught stack traces of any part land in the same place.
 */
final class EngineLog {
  private static volatile PrintStream out = System.err;

  private EngineLog() {}

  static void redirectTo(Path file) throws IOException {
    PrintStream ps =
        new PrintStream(new FileOutputStream(file.toFile(), true), true, StandardCharsets.UTF_8);
    System.setOut(ps);
    System.setErr(ps);
    out = ps;
  }

  static void info(String message) {
    out.println(Instant.now() + " engine[" + ProcessHandle.current().pid() + "] " + message);
  }

  static void error(String message, Throwable t) {
    info(message + ": " + t);
    t.printStackTrace(out);
  }
}
