package dev.jcompose.scheduler.events;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.names.Labels;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process publish/subscribe of engine events (lifecycle, health, progress). Subscribers are
 * called synchronously on the publishing thread, in publication order, and must not block; a
 * failing subscriber never breaks publishing. The last {@value #HISTORY} events are kept so that a
 * subscriber can start from a moment in the recent past (docker's {@code events --since}).
 */
public final class EventBus {
  static final int HISTORY = 1000;
  private final CopyOnWriteArrayList<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Event> history = new ArrayDeque<>();

  /** Subscribes to new events; close the returned handle to unsubscribe. */
  public AutoCloseable subscribe(Consumer<Event> subscriber) {
    return subscribe(null, subscriber);
  }

  /**
   * Subscribes, first replaying the kept events at or after {@code since} (null = none), with no
   * event lost or repeated between replay and live delivery.
   */
  public synchronized AutoCloseable subscribe(Instant since, Consumer<Event> subscriber) {
    if (since != null) {
      history.stream().filter(e -> !e.time().isBefore(since)).forEach(e -> deliver(subscriber, e));
    }
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  public synchronized void publish(Event e) {
    history.addLast(e);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    for (Consumer<Event> s : subscribers) {
      deliver(s, e);
    }
  }

  private static void deliver(Consumer<Event> s, Event e) {
    try {
      s.accept(e);
    } catch (RuntimeException ignored) {
      // One broken listener (e.g. a closed client stream) must not stop the others.
    }
  }

  /**
   * Publishes a container lifecycle event with the attributes docker's events carry: id (of this
   * container instance: a recreated container of the same name has another), project, service and
   * name from the container's labels, plus {@code extra}.
   */
  public void container(
      String name,
      Map<String, String> labels,
      String action,
      String message,
      Map<String, String> extra) {
    Map<String, String> attrs = new TreeMap<>(extra);
    attrs.put("name", name);
    putIfPresent(attrs, "id", labels.get(Labels.CONTAINER_ID));
    putIfPresent(attrs, "project", labels.get(Labels.PROJECT));
    putIfPresent(attrs, "service", labels.get(Labels.SERVICE));
    publish(
        new Event(
            Instant.now(), "Container " + name, action, message == null ? "" : message, attrs));
  }

  private static void putIfPresent(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
