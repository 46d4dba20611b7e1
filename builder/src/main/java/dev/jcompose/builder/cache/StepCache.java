package dev.jcompose.builder.cache;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The layer cache: step key to the layer the step made ({@code diffId}, empty when the step changed
 * nothing) and when. One small file per key under {@code <dir>/<key>.json}, written atomically, so
 * concurrent builds and engine restarts see whole entries. The layers themselves live in the image
 * store; an entry whose layer is gone is a miss.
 */
public final class StepCache {
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
  private final Path dir;

  public StepCache(Path dir) {
    this.dir = dir;
  }

  /** What a step made: the layer's diffID ("" for none) and the time the layer was made. */
  public record Entry(String diffId, Instant created) {
    public boolean emptyLayer() {
      return diffId.isEmpty();
    }
  }

  public Optional<Entry> get(String key) {
    Path f = file(key);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      JsonNode n = Json.parse(f);
      return Optional.of(
          new Entry(n.path("diffId").asText(""), Instant.parse(n.path("created").asText())));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a damaged entry is a miss; the step runs again and rewrites it
    }
  }

  public void put(String key, Entry entry) {
    try {
      Files.createDirectories(dir);
      // unsynced: an entry lost or torn by a crash reads as a miss, and the step simply runs again
      AtomicFile.write(file(key), Json.bytes(entry), AtomicFile.Durability.UNSYNCED);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write build cache entry " + key, e);
    }
  }

  private Path file(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("bad cache key " + key);
    }
    return dir.resolve(key + ".json");
  }
}
