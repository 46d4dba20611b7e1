package dev.jcompose.scheduler.ops;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.events.EventBus;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * docker compose's progress lines ("Container p-web-1 Started") for one verb: sent to the caller's
 * listener and to the engine's event bus.
 */
public final class Progress {
  public static final Progress NONE = new Progress(e -> {}, null, null);

  private final Consumer<Event> listener;
  private final EventBus bus;
  private final String project;

  public Progress(Consumer<Event> listener, EventBus bus, String project) {
    this.listener = listener == null ? e -> {} : listener;
    this.bus = bus;
    this.project = project;
  }

  public void container(String name, String action) {
    emit("Container " + name, action, "");
  }

  public void network(String name, String action) {
    emit("Network " + name, action, "");
  }

  public void volume(String name, String action) {
    emit("Volume " + name, action, "");
  }

  public void image(String ref, String action, String message) {
    emit("Image " + ref, action, message);
  }

  public void emit(String resource, String action, String message) {
    send(
        new Event(
            Instant.now(),
            resource,
            action,
            message,
            project == null ? Map.of() : Map.of("project", project)));
  }

  /** Sends an event as it is (a pull's layer progress carries its own attributes). */
  public void send(Event e) {
    try {
      listener.accept(e);
    } catch (RuntimeException ignored) {
      // A caller that went away must not break the verb.
    }
    if (bus != null) {
      bus.publish(e);
    }
  }
}
