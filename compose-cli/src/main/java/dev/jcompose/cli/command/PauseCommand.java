package dev.jcompose.cli.command;

import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.function.Consumer;
import picocli.CommandLine.Command;

/** {@code jcompose pause}: freezes the services' running containers (cgroup freezer). */
@Command(name = "pause", description = "Pause services")
public final class PauseCommand extends ServicesVerb {
  @Override
  void invoke(ComposeService compose, String project, Consumer<Event> progress) {
    compose.pause(project, services, progress);
  }
}
