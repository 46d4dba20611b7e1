package dev.jcompose.scheduler.state;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine must remember that the runtime does not: per container, whether the user stopped
 * it and how often the policy restarted it. Stored as JSON under {@code <dataRoot>/state}, written
 * atomically (temp file, fsync, rename) on every change. Thread-safe.
 */
public final class EngineState {
  /** Per-container record. */
  public record Entry(boolean userStopped, int restartCount) {}

  private final Path file;
  private final Map<String, Entry> entries = new TreeMap<>();

  public EngineState(Path stateDir) {
    this.file = stateDir.resolve("containers.json");
    load();
  }

  public synchronized Entry get(String container) {
    return entries.getOrDefault(container, new Entry(false, 0));
  }

  public synchronized void setUserStopped(String container, boolean stopped) {
    Entry e = get(container);
    Entry next = new Entry(stopped, stopped ? e.restartCount() : 0);
    // Skip the fsync when nothing changes: every start of every container passes here.
    if (!next.equals(e)) {
      entries.put(container, next);
      save();
    }
  }

  public synchronized void setRestartCount(String container, int count) {
    Entry next = new Entry(get(container).userStopped(), count);
    if (!next.equals(get(container))) {
      entries.put(container, next);
      save();
    }
  }

  public synchronized void forget(String container) {
    if (entries.remove(container) != null) {
      save();
    }
  }

  private void load() {
    try {
      if (Files.exists(file)) {
        Json.parse(file)
            .properties()
            .forEach(
                f ->
                    entries.put(
                        f.getKey(),
                        new Entry(
                            f.getValue().path("userStopped").asBoolean(),
                            f.getValue().path("restartCount").asInt())));
      }
    } catch (IOException | JsonException e) {
      throw new UncheckedIOException(
          "cannot read engine state " + file, new IOException(e.getMessage(), e));
    }
  }

  private void save() {
    try {
      Files.createDirectories(file.getParent());
      AtomicFile.write(file, Json.bytes(entries));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write engine state " + file, e);
    }
  }
}
