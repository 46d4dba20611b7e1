package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.runtime.api.LogReader;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/** A daemon thread copying one container's log file to a {@link LogPrinter} until {@code stop}. */
final class LogFollower {
  // Lines still being drained when the container exits are flushed within this bound.
  private static final long JOIN_MILLIS = 10_000;

  private LogFollower() {}

  static Thread start(LogReader logs, Path file, LogReader.Options options, LogPrinter printer, String display, BooleanSupplier stop) {
    Thread t = new Thread(() -> logs.read(file, options, line -> {
      printer.print(display, line);
      return true;
    }, stop), "logs-" + display);
    t.setDaemon(true);
    t.start();
    return t;
  }

  static void join(Thread t) {
    try {
      t.join(JOIN_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
