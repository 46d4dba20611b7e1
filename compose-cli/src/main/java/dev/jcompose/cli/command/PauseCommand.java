package dev.jcompose.cli.command;

import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/** {@code jcompose pause}: freezes the services' running containers (cgroup freezer). */
public final class PauseCommand extends ServicesVerb {
  private static final VerbSpec SPEC = VerbSpec.of("Pause services", "pause").services().build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  void invoke(
      ComposeService compose, String project, List<String> services, Consumer<Event> progress) {
    compose.pause(project, services, progress);
  }
}
