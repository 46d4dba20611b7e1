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
 * Makes one layer present, under the layer's lock: finds it unpacked already, or makes sure the
 * blob is stored and verified (a stored one is re-hashed before use; a missing or damaged one is
 * downloaded, its size checked while it streams and its digest before it is kept, as docker
 * verifies a download before registering the layer), then unpacks the stored blob, checks the
 * uncompressed diffID and renames the directory into place. Nothing a registry sends is unpacked
 * before its digest matched; any failure deletes the scratch directory.
 */
final class LayerFetcher {
  private static final int COPY_BUFFER = 1 << 17;
  private static final long REPORT_EVERY = 1 << 20;
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
      if (!content.verify(blob.digest(), blob.size())) {
        download(client, blob, progress);
      }
      progress.update("Extracting", 0, blob.size());
      long size = unpack(blob, diffId);
      progress.update("Pull complete", blob.size(), blob.size());
      return size;
    } catch (ContainerException e) {
      throw new ContainerException(
          e.kind(), "layer " + blob.digest().shortHex() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ContainerException(
          Kind.UNAVAILABLE, "layer " + blob.digest().shortHex() + ": " + e.getMessage(), e);
    }
  }

  private void download(RegistryClient client, Descriptor blob, Progress progress)
      throws IOException {
    progress.update("Downloading", 0, blob.size());
    try (InputStream body = client.blob(blob.digest());
        StallGuard guard = new StallGuard(body, stallLimit);
        Ingest ingest = content.begin(blob.digest(), blob.size())) {
      try {
        copy(body, ingest.output(), guard, n -> progress.update("Downloading", n, blob.size()));
      } catch (IOException e) {
        if (guard.fired()) {
          throw new ContainerException(
              Kind.UNAVAILABLE,
              "download stalled: no data for " + stallLimit.toSeconds() + " s",
              e);
        }
        throw e;
      }
      progress.update("Verifying Checksum", blob.size(), blob.size());
      ingest.commit();
    }
    progress.update("Download complete", blob.size(), blob.size());
  }

  private static void copy(
      InputStream in, OutputStream out, StallGuard guard, java.util.function.LongConsumer progress)
      throws IOException {
    byte[] buffer = new byte[COPY_BUFFER];
    long total = 0;
    long reported = 0;
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      guard.progress();
      out.write(buffer, 0, n);
      total += n;
      if (total - reported >= REPORT_EVERY) {
        reported = total;
        progress.accept(total);
      }
    }
    progress.accept(total);
  }

  private long unpack(Descriptor blob, Digest diffId) throws IOException {
    Path temp = layers.newTempDir();
    try (InputStream stored = Files.newInputStream(content.path(blob.digest()))) {
      MessageDigest sha256 = Digest.newSha256();
      DigestInputStream tar = new DigestInputStream(Decompression.open(stored), sha256);
      long size = new LayerUnpacker(ops, ops.canChown(), temp).unpack(tar);
      tar.transferTo(
          OutputStream.nullOutputStream()); // zero blocks after the end-of-archive marker count too
      Digest actual = Digest.fromHash(sha256.digest());
      if (!actual.equals(diffId)) {
        throw new ContainerException(
            Kind.INVALID,
            "uncompressed content has digest '"
                + actual
                + "' but the image config says '"
                + diffId
                + "'");
      }
      layers.commit(temp, diffId, size);
      return size;
    } catch (IOException e) {
      throw new IOException("cannot unpack into " + temp.getParent() + ": " + e.getMessage(), e);
    } finally {
      Trees.deleteRecursively(ops, temp);
    }
  }
}
