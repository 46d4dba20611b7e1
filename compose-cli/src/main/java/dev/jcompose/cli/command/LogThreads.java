package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.LogOptions;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** A daemon thread printing one container's log lines until {@code stop}, for attached verbs. */
final class LogThreads {
  // Lines still being drained when the container exits are flushed within this bound.
  private static final long JOIN_MILLIS = 10_000;

  private LogThreads() {}

  static Thread start(
      ComposeService compose,
      String project,
      String container,
      Instant since,
      LogPrinter printer,
      String display,
      BooleanSupplier stop) {
    Thread t =
        new Thread(
            () ->
                compose.logs(
                    project,
                    LogOptions.followContainer(container, since),
                    line -> printer.print(display, line),
                    stop),
            "logs-" + display);
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
