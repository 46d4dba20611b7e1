package dev.jcompose.runtime.image;

import dev.jcompose.common.fs.FileLocks;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.fs.Trees;
import dev.jcompose.runtime.image.content.ContentStore;
import dev.jcompose.runtime.image.content.Digest;
import dev.jcompose.runtime.image.content.Ingest;
import dev.jcompose.runtime.image.content.KeyedLock;
import dev.jcompose.runtime.image.registry.Descriptor;
import dev.jcompose.runtime.image.registry.RegistryClient;
import dev.jcompose.runtime.image.unpack.Decompression;
import dev.jcompose.runtime.image.unpack.LayerUnpacker;
import dev.jcompose.runtime.sys.NativeOps;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;

/**
 * Makes one layer present: under the layer's lock, either finds it unpacked already, or unpacks the
 * stored blob, or streams the blob from the registry into the content store AND the unpacker in one
 * pass. Both digests are checked (the blob's and the uncompressed diffID) before the temp directory
 * is renamed into place; any failure deletes it.
 */
final class LayerFetcher {
  private final ContentStore content;
  private final LayerStore layers;
  private final KeyedLock locks;
  private final NativeOps ops;
  private final Duration stallLimit;

  LayerFetcher(
      ContentStore content,
      LayerStore layers,
      KeyedLock locks,
      NativeOps ops,
      Duration stallLimit) {
    this.content = content;
    this.layers = layers;
    this.locks = locks;
    this.ops = ops;
    this.stallLimit = stallLimit;
  }

  /** Progress of one layer: phase, bytes so far, bytes total. */
  interface Progress {
    void update(String phase, long current, long total);
  }

  /** Returns the layer's unpacked size. */
  @SuppressWarnings("try") // the resource is a lock (or watcher) held for the block, not used in it
  long fetch(RegistryClient client, Descriptor blob, Digest diffId, Progress progress) {
    try (FileLocks.Held lease = locks.acquire("layer-" + diffId.hex())) {
      if (layers.has(diffId)) {
        progress.update("Already exists", blob.size(), blob.size());
        return layers.size(diffId);
      }
      Path temp = layers.newTempDir();
      try {
        long size =
            content.has(blob.digest())
                ? unpackStored(blob, diffId, temp)
                : download(client, blob, diffId, temp, progress);
        layers.commit(temp, diffId, size);
        progress.update("Pull complete", blob.size(), blob.size());
        return size;
      } finally {
        Trees.deleteRecursively(temp);
      }
    } catch (ContainerException e) {
      throw new ContainerException(
          e.kind(), "layer " + blob.digest().shortHex() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.INTERNAL, "layer " + blob.digest().shortHex() + ": " + e, e);
    }
  }

  private long unpackStored(Descriptor blob, Digest diffId, Path temp) throws IOException {
    try (InputStream in = Files.newInputStream(content.path(blob.digest()))) {
      return checkDiffId(unpack(in, temp), diffId);
    }
  }

  private long download(
      RegistryClient client, Descriptor blob, Digest diffId, Path temp, Progress progress)
      throws IOException {
    progress.update("Downloading", 0, blob.size());
    try (InputStream body = client.blob(blob.digest());
        StallGuard guard = new StallGuard(body, stallLimit);
        Ingest ingest = content.begin(blob.digest(), blob.size())) {
      TeeInputStream tee =
          new TeeInputStream(
              body,
              ingest.output(),
              guard::progress,
              n -> progress.update("Downloading", n, blob.size()));
      Unpacked unpacked;
      try {
        unpacked = unpack(tee, temp);
      } catch (IOException | RuntimeException e) {
        if (guard.fired()) {
          throw new ContainerException(
              Kind.UNAVAILABLE,
              "download stalled: no data for " + stallLimit.toSeconds() + " s",
              e);
        }
        throwIfDigestMismatch(e, tee, ingest);
        throw e;
      }
      tee.drain();
      ingest.commit();
      return checkDiffId(unpacked, diffId);
    }
  }

  private record Unpacked(long size, Digest diffId) {}

  private Unpacked unpack(InputStream compressed, Path temp) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    DigestInputStream tar = new DigestInputStream(Decompression.open(compressed), sha256);
    long size = new LayerUnpacker(ops, false, temp).unpack(tar);
    tar.transferTo(
        OutputStream.nullOutputStream()); // zero blocks after the end-of-archive marker count too
    return new Unpacked(size, Digest.fromHash(sha256.digest()));
  }

  private static long checkDiffId(Unpacked unpacked, Digest expected) {
    if (!unpacked.diffId().equals(expected)) {
      throw new ContainerException(
          Kind.INVALID,
          "uncompressed content has digest '"
              + unpacked.diffId()
              + "' but the image config says '"
              + expected
              + "'");
    }
    return unpacked.size();
  }

  // A corrupt download usually fails inside gzip or tar first; if the bytes also do not match
  // the requested digest, that is the error worth reporting.
  private static void throwIfDigestMismatch(Exception original, TeeInputStream tee, Ingest ingest) {
    try {
      tee.drain();
      ingest.commit();
    } catch (ContainerException digestError) {
      digestError.addSuppressed(original);
      throw digestError;
    } catch (IOException ignored) {
      // could not read the rest; the original failure is reported
    }
  }
}
