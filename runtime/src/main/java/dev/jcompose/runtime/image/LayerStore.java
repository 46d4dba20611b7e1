package dev.jcompose.runtime.image;

import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.content.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Unpacked layers, one directory per diffID at {@code <images>/layers/<hex>} (usable as an overlay
 * lowerdir as is), and their sizes in {@code <images>/layer-sizes/<hex>}. A layer directory appears
 * by an atomic rename of a finished temp directory, so its existence means complete. Writers hold
 * the layer's lock.
 */
final class LayerStore {
  private final Path images;

  LayerStore(Path images) {
    this.images = images;
  }

  Path dir(Digest diffId) {
    return images.resolve("layers").resolve(diffId.hex());
  }

  boolean has(Digest diffId) {
    return Files.isDirectory(dir(diffId));
  }

  long size(Digest diffId) {
    try {
      return Long.parseLong(Files.readString(sizeFile(diffId)).trim());
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  /** A fresh directory on the same file system, for unpacking before {@link #commit}. */
  Path newTempDir() throws IOException {
    Path dir = Files.createTempDirectory(Files.createDirectories(images.resolve("tmp")), "unpack-");
    // createTempDirectory makes it 0700; a layer without a "./" entry keeps this as the mode of
    // the container's "/", which non-root processes could then not traverse
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  void commit(Path unpacked, Digest diffId, long size) throws IOException {
    Files.createDirectories(sizeFile(diffId).getParent());
    Files.writeString(sizeFile(diffId), Long.toString(size), StandardCharsets.US_ASCII);
    Files.createDirectories(dir(diffId).getParent());
    Files.move(unpacked, dir(diffId), StandardCopyOption.ATOMIC_MOVE);
  }

  void delete(Digest diffId) throws IOException {
    // rename first so a half-deleted layer never looks complete
    if (has(diffId)) {
      Path doomed =
          Files.createDirectories(images.resolve("tmp"))
              .resolve("delete-" + diffId.hex() + "-" + System.nanoTime());
      Files.move(dir(diffId), doomed, StandardCopyOption.ATOMIC_MOVE);
      Trees.deleteRecursively(doomed);
    }
    Files.deleteIfExists(sizeFile(diffId));
  }

  private Path sizeFile(Digest diffId) {
    return images.resolve("layer-sizes").resolve(diffId.hex());
  }
}
