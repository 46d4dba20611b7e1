package dev.jcompose.runtime.image;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.runtime.image.content.KeyedLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code <images>/refs.json}: normalised reference → {@link ImageRecord}. Updates are
 * read-modify-write under the "refs" lock and replace the file atomically, so readers (which take
 * no lock) always see a whole file.
 */
final class ImageIndex {
  private static final TypeReference<TreeMap<String, ImageRecord>> TYPE = new TypeReference<>() {};
  private final ObjectMapper json = new ObjectMapper();
  private final Path file;
  private final KeyedLock locks;

  ImageIndex(Path file, KeyedLock locks) {
    this.file = file;
    this.locks = locks;
  }

  Map<String, ImageRecord> read() {
    if (!Files.isRegularFile(file)) {
      return new TreeMap<>();
    }
    try {
      return json.readValue(file.toFile(), TYPE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read image index " + file, e);
    }
  }

  /** Applies {@code change} to the map under the lock and writes it back. */
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  void update(Consumer<Map<String, ImageRecord>> change) {
    try (FileLocks.Held lease = locks.acquire("refs")) {
      Map<String, ImageRecord> map = read();
      change.accept(map);
      AtomicFile.write(file, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(map));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update image index " + file, e);
    }
  }
}
