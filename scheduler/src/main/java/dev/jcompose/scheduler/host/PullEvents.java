package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ImageService;
import dev.jcompose.scheduler.api.Event;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A pull's layer progress as events, the way docker compose reports it: resource = the layer's
 * short id, action = its phase (Downloading, Pull complete...), attributes {@code layer}, {@code
 * parent} (the service or image pulled), {@code current} and {@code total} bytes. A phase change is
 * always sent, byte counts at most ten times a second per layer, so a terminal can draw bars and
 * plain output can print one line per phase. Thread-safe.
 */
public final class PullEvents implements ImageService.PullProgress {
  private static final long EVERY_MILLIS = 100;
  private final String parent;
  private final Consumer<Event> sink;
  private final Map<String, String> phases = new ConcurrentHashMap<>();
  private final Map<String, Long> sent = new ConcurrentHashMap<>();

  public PullEvents(String parent, Consumer<Event> sink) {
    this.parent = parent;
    this.sink = sink;
  }

  @Override
  public void update(String reference, String layer, String phase, long current, long total) {
    if (layer == null) {
      return;
    }
    boolean changed = !phase.equals(phases.put(layer, phase));
    long now = System.currentTimeMillis();
    Long last = sent.get(layer);
    if (!changed && last != null && now - last < EVERY_MILLIS) {
      return;
    }
    sent.put(layer, now);
    String id =
        layer.startsWith("sha256:") && layer.length() >= 19 ? layer.substring(7, 19) : layer;
    synchronized (this) {
      sink.accept(
          new Event(
              Instant.now(),
              id,
              phase,
              "",
              Map.of(
                  "layer",
                  "true",
                  "parent",
                  parent,
                  "current",
                  Long.toString(current),
                  "total",
                  Long.toString(total))));
    }
  }
}
