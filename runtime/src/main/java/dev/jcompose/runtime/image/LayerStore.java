package dev.jcompose.runtime.image;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.ScratchDir;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Unpacked layers, one directory per diffID at {@code <images>/layers/<hex>} (usable as an overlay
 * lowerdir as is), and their sizes in {@code <images>/layer-sizes/<hex>}. A layer directory appears
 * by an atomic rename of a finished scratch directory, after the file system was synced, so its
 * existence means complete, even after a power loss. Writers hold the layer's lock.
 */
final class LayerStore {
  private final Path images;
  private final ScratchDir scratch;

  LayerStore(Path images, ScratchDir scratch) {
    this.images = images;
    this.scratch = scratch;
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
    Path dir = Files.createDirectory(scratch.newPath("unpack"));
    // a layer without a "./" entry keeps this as the mode of the container's "/", which non-root
    // processes must be able to traverse, whatever the umask
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  void commit(Path unpacked, Digest diffId, long size) throws IOException {
    Files.createDirectories(sizeFile(diffId).getParent());
    AtomicFile.write(sizeFile(diffId), Long.toString(size).getBytes(StandardCharsets.US_ASCII));
    // one syncfs for the whole tree: the rename below must not reach the disk before the files do
    Trees.syncFileSystem(unpacked);
    Files.createDirectories(dir(diffId).getParent());
    Files.move(unpacked, dir(diffId), StandardCopyOption.ATOMIC_MOVE);
    AtomicFile.fsyncDirectory(dir(diffId).getParent());
  }

  void delete(Digest diffId) throws IOException {
    // rename first so a half-deleted layer never looks complete
    if (has(diffId)) {
      Path doomed = scratch.newPath("delete");
      Files.move(dir(diffId), doomed, StandardCopyOption.ATOMIC_MOVE);
      Trees.deleteRecursively(doomed);
    }
    Files.deleteIfExists(sizeFile(diffId));
  }

  private Path sizeFile(Digest diffId) {
    return images.resolve("layer-sizes").resolve(diffId.hex());
  }
}
