package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code jcompose stop}: stops services (stop_signal, then SIGKILL after the grace period or -t).
 */
public final class StopCommand extends ServicesWithTimeout {
  public StopCommand() {
    super("stop", "Stop services");
  }

  @Override
  void invoke(
      ComposeService engine,
      String project,
      List<String> services,
      Integer timeout,
      Consumer<Event> progress) {
    engine.stop(project, services, timeout, progress);
  }
}
