package dev.jcompose.scheduler.events;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.names.Labels;
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

  /**
   * Publishes a container lifecycle event with the attributes docker's events carry: project,
   * service and name from the container's labels, plus {@code extra}.
   */
  public void container(String name, Map<String, String> labels, String action, String message, Map<String, String> extra) {
    Map<String, String> attrs = new java.util.TreeMap<>(extra);
    attrs.put("name", name);
    putIfPresent(attrs, "project", labels.get(Labels.PROJECT));
    putIfPresent(attrs, "service", labels.get(Labels.SERVICE));
    publish(new Event(Instant.now(), "Container " + name, action, message == null ? "" : message, attrs));
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
