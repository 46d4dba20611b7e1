package dev.jcompose.runtime.image.content;

import dev.jcompose.common.fs.AtomicFile;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Content-addressed blobs under {@code <root>/blobs/sha256/<hex>}, as in the OCI image layout. A
 * blob appears only after its digest was verified and its bytes reached the disk: writers go
 * through {@link Ingest}, which writes in the {@link ScratchDir} (same file system) and renames. A
 * stored blob is still never trusted because it exists: readers verify it on use (a blob written
 * before blobs were fsynced may have been truncated by a power loss, and disks rot), and one that
 * fails is deleted so the pull fetches it again. Blobs are immutable: readers need no lock.
 */
public final class ContentStore {
  private final Path root;
  private final ScratchDir scratch;

  public ContentStore(Path root) {
    this.root = root;
    this.scratch = new ScratchDir(root.resolve("tmp"));
  }

  public Path path(Digest digest) {
    return root.resolve("blobs").resolve("sha256").resolve(digest.hex());
  }

  /** Whether a file exists for the digest; say nothing of its bytes (see {@link #verify}). */
  public boolean has(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  /**
   * Whether the stored blob is there and still hashes to its digest (and has {@code size} bytes
   * when that is &ge; 0). A damaged blob is deleted, so the caller fetches it again.
   */
  public boolean verify(Digest digest, long size) {
    Path file = path(digest);
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest sha256 = Digest.newSha256();
      byte[] buffer = new byte[1 << 17];
      long total = 0;
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha256.update(buffer, 0, n);
        total += n;
      }
      if (Digest.fromHash(sha256.digest()).equals(digest) && (size < 0 || total == size)) {
        return true;
      }
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + digest, e);
    }
    delete(digest);
    return false;
  }

  /**
   * The stored blob's bytes if they still hash to its digest; empty (and the blob deleted)
   * otherwise.
   */
  public Optional<byte[]> readVerified(Digest digest) {
    byte[] content;
    try {
      content = Files.readAllBytes(path(digest));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + digest, e);
    }
    if (Digest.of(content).equals(digest)) {
      return Optional.of(content);
    }
    delete(digest);
    return Optional.empty();
  }

  /** The stored blob, verified; NOT_FOUND if it is missing or damaged. */
  public byte[] read(Digest digest) {
    return readVerified(digest)
        .orElseThrow(
            () ->
                new ContainerException(
                    Kind.NOT_FOUND, "blob " + digest + " is not in the image store"));
  }

  /** Stores {@code content} after checking that it hashes to {@code expected}. */
  public void write(Digest expected, byte[] content) {
    write(expected, content.length, content);
  }

  /**
   * Stores {@code content} after checking its digest and that it has the {@code size} a descriptor
   * gave.
   */
  public void write(Digest expected, long size, byte[] content) {
    try (Ingest ingest = begin(expected, size)) {
      ingest.output().write(content);
      ingest.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob " + expected, e);
    }
  }

  /** Starts writing a blob; {@code expectedSize} &lt; 0 means unknown. */
  public Ingest begin(Digest expected, long expectedSize) throws IOException {
    return new Ingest(this, expected, expectedSize, scratch.newPath("ingest"));
  }

  /** Where blobs and layers are written before they are renamed into place. */
  public ScratchDir scratch() {
    return scratch;
  }

  /**
   * Publishes a file in the {@link #scratch()} dir whose digest the caller computed while writing
   * it (a layer this host packed), keeping the rules that a blob appears only under its true digest
   * and once its bytes reached the disk.
   */
  public void publishComputed(Path temp, Digest digest) throws IOException {
    try (FileChannel written = FileChannel.open(temp, StandardOpenOption.WRITE)) {
      written.force(true);
    }
    publish(temp, digest);
  }

  void publish(Path temp, Digest digest) throws IOException {
    Path target = path(digest);
    Files.createDirectories(target.getParent());
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    AtomicFile.fsyncDirectory(target.getParent());
  }

  public void delete(Digest digest) {
    try {
      Files.deleteIfExists(path(digest));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete blob " + digest, e);
    }
  }

  /** Digests of all stored blobs. */
  public Stream<Digest> list() throws IOException {
    Path dir = root.resolve("blobs").resolve("sha256");
    if (!Files.isDirectory(dir)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> new Digest(p.getFileName().toString())).toList().stream();
    }
  }
}
