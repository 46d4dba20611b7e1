package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code jcompose unpause}: thaws the services' paused containers. */
@Command(name = "unpause", description = "Unpause services")
public final class UnpauseCommand extends ServicesVerb {
  @Override
  void invoke(ComposeService compose, String project, Consumer<Event> progress) {
    compose.unpause(project, services, progress);
  }
}
