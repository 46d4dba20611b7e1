package dev.jcompose.runtime.image;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.common.json.Json;
import dev.jcompose.common.json.JsonException;
import dev.jcompose.common.json.TypeRef;
import dev.jcompose.runtime.image.content.KeyedLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code <images>/refs.json}: normalised reference → {@link ImageRecord}. Updates are
 * read-modify-write under the "refs" lock and replace the file atomically and durably, so readers
 * (which take no lock) always see a whole file.
 */
final class ImageIndex {
  private static final TypeRef<SortedMap<String, ImageRecord>> TYPE =
      TypeRef.sortedMapOf(ImageRecord.class);
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
      return Json.read(file, TYPE);
    } catch (IOException | JsonException e) {
      throw new UncheckedIOException(
          "cannot read image index " + file, new IOException(e.getMessage(), e));
    }
  }

  /** Applies {@code change} to the map under the lock and writes it back. */
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  void update(Consumer<Map<String, ImageRecord>> change) {
    try (FileLocks.Held lease = locks.acquire("refs")) {
      Map<String, ImageRecord> map = read();
      change.accept(map);
      Files.createDirectories(file.getParent());
      // fsynced: after a power loss an emptied index would lose every image at once
      AtomicFile.write(file, Json.pretty(map).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot update image index " + file, e);
    }
  }
}
