package dev.jcompose.scheduler.verbs;

import dev.jcompose.scheduler.api.Event;
import dev.jcompose.scheduler.events.EventBus;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Streams a project's events from the bus (from {@code since}, null = now) to a sink until the
 * caller says stop.
 */
final class EventStream {
  private EventStream() {}

  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  static void stream(
      EventBus bus, String project, Instant since, Consumer<Event> sink, BooleanSupplier stop) {
    BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    try (AutoCloseable sub =
        bus.subscribe(
            since,
            e -> {
              if (project == null
                  || project.equals(e.attributes().get("project"))
                  || e.resource().startsWith("Container " + project + "-")) {
                queue.add(e);
              }
            })) {
      while (!stop.getAsBoolean()) {
        // The timeout only bounds how late a stop request is noticed; events arrive at once.
        Event e = queue.poll(250, TimeUnit.MILLISECONDS);
        if (e != null) {
          sink.accept(e);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      throw new IllegalStateException("event stream failed", e);
    }
  }
}
