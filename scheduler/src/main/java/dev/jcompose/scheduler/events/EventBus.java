package dev.jcompose.scheduler.events;

import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe of engine events (lifecycle, health, progress). Subscribers are
 * called synchronously on the publishing thread and must not block; a failing subscriber is
 * dropped from nothing and never breaks publishing.
 */
public final class EventBus {
  private final CopyOnWriteArrayList<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

  /** Subscribes; close the returned handle to unsubscribe. */
  public AutoCloseable subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public void publish(Event e) {
    for (Consumer<Event> s : subscribers) {
      try {
        s.accept(e);
      } catch (RuntimeException ignored) {
        // One broken listener (e.g. a closed client stream) must not stop the others.
      }
    }
  }

  /** Publishes a container event with the project/service attributes docker's events carry. */
  public void container(String name, String action, String message, Map<String, String> attributes) {
    publish(new Event(Instant.now(), "Container " + name, action, message == null ? "" : message, attributes));
  }
}
