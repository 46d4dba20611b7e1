package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/**
 * {@code jcompose restart}: restarts service containers (configuration changes are not applied).
 */
@Command(name = "restart", description = "Restart service containers")
public final class RestartCommand extends ServicesWithTimeout {
  @Override
  void invoke(ComposeService engine, String project, Consumer<Event> progress) {
    engine.restart(project, services, timeout, progress);
  }
}
