package dev.jcompose.cli.command;

import dev.jcompose.cli.output.LogPrinter;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.ContainerSummary;
import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One container of an attached {@code up}: its log follower and what the engine's events say about
 * it. A {@code die} counts only when its {@code id} is this container's: the events since {@code
 * up} began also hold the exits of the containers it replaced under the same name.
 */
final class AttachedContainer {

  /** An exit for good: the service and its code. */
  record Exit(String service, int code) {}

  private final ContainerSummary container;
  private final String display;
  private final LogPrinter printer;
  private final AtomicBoolean finished = new AtomicBoolean();
  private Thread logs;
  private volatile int exitCode;

  AttachedContainer(ContainerSummary container, String display, LogPrinter printer) {
    this.container = container;
    this.display = display;
    this.printer = printer;
  }

  String display() {
    return display;
  }

  String service() {
    return container.service();
  }

  int exitCode() {
    return exitCode;
  }

  void followLogs(ComposeService compose, String project, Instant since) {
    logs =
        LogThreads.start(
            compose, project, container.name(), since, printer, display, finished::get);
  }

  /** The exit code when this event ends the container for good, else null. */
  synchronized Integer onEvent(Event e, boolean stopping) {
    if (!e.action().equals("die")
        || !container.id().equals(e.attributes().getOrDefault("id", container.id()))) {
      return null;
    }
    int code = Integer.parseInt(e.attributes().getOrDefault("exitCode", "0"));
    if (!stopping && Boolean.parseBoolean(e.attributes().get("restart"))) {
      printer.notice(display, "exited with code " + code + " (restarting)");
      return null;
    }
    return code;
  }

  /** Ends the log follower (after it drained) and reports the exit; false if already done. */
  boolean finish(int code) {
    if (finished.getAndSet(true)) {
      return false;
    }
    exitCode = code;
    if (logs != null) {
      LogThreads.join(logs);
    }
    printer.notice(display, "exited with code " + code);
    return true;
  }
}
