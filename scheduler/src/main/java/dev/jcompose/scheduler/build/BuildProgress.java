package dev.jcompose.scheduler.build;

import dev.jcompose.builder.api.BuildEvent;
import dev.jcompose.builder.api.BuildListener;
import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A build's progress as engine events: resource {@code Build <service>}, action Step, Cached, Done,
 * Output, Warning or Note, the step label or line as message, so the CLI can print BuildKit-style
 * plain progress and a failing step's output stays next to it.
 */
final class BuildProgress implements BuildListener {
  private final Consumer<Event> sink;
  private final String resource;
  private final Map<String, String> attributes;

  BuildProgress(Consumer<Event> sink, String project, String service) {
    this.sink = sink;
    this.resource = "Build " + service;
    this.attributes = project == null ? Map.of() : Map.of("project", project);
  }

  @Override
  public void on(BuildEvent e) {
    String action =
        switch (e.kind()) {
          case STEP -> "Step";
          case CACHED -> "Cached";
          case DONE -> "Done";
          case OUTPUT -> "Output";
          case WARNING -> "Warning";
          case NOTE -> "Note";
        };
    String message =
        switch (e.kind()) {
          case STEP, CACHED -> e.step();
          case DONE -> e.step() + String.format(" %.1fs", e.millis() / 1000.0);
          default -> e.text();
        };
    emit(action, message);
  }

  void emit(String action, String message) {
    try {
      sink.accept(
          new Event(Instant.now(), resource, action, message == null ? "" : message, attributes));
    } catch (RuntimeException ignored) {
      // a caller that went away must not break the build
    }
  }
}
