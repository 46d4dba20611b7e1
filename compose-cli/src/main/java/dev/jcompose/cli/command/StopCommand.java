package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/**
 * {@code jcompose stop}: stops services (stop_signal, then SIGKILL after the grace period or -t).
 */
@Command(name = "stop", description = "Stop services")
public final class StopCommand extends ServicesWithTimeout {
  @Override
  void invoke(ComposeService engine, String project, Consumer<Event> progress) {
    engine.stop(project, services, timeout, progress);
  }
}
