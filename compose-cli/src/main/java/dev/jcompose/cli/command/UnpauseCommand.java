package dev.jcompose.cli.command;

import dev.jcompose.cli.args.VerbSpec;
import dev.jcompose.scheduler.api.ComposeService;
import dev.jcompose.scheduler.api.Event;
import java.util.List;
import java.util.function.Consumer;

/** {@code jcompose unpause}: thaws the services' paused containers. */
public final class UnpauseCommand extends ServicesVerb {
  private static final VerbSpec SPEC =
      VerbSpec.of("Unpause services", "unpause").services().build();

  @Override
  public VerbSpec spec() {
    return SPEC;
  }

  @Override
  void invoke(
      ComposeService compose, String project, List<String> services, Consumer<Event> progress) {
    compose.unpause(project, services, progress);
  }
}
