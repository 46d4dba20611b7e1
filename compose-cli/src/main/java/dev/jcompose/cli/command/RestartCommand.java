package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code jcompose restart}: restarts service containers (configuration changes are not applied).
 */
public final class RestartCommand extends ServicesWithTimeout {
  public RestartCommand() {
    super("restart", "Restart service containers");
  }

  @Override
  void invoke(
      ComposeService engine,
      String project,
      List<String> services,
      Integer timeout,
      Consumer<Event> progress) {
    engine.restart(project, services, timeout, progress);
  }
}
