package dev.jcompose.runtime.image.content;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Content-addressed blobs under {@code <root>/blobs/sha256/<hex>}, as in the OCI image layout. A
 * blob appears only after its digest was verified: writers go through {@link Ingest}, which writes
 * a temp file in {@code <root>/tmp} (same file system) and renames it into place. Blobs are
 * immutable, so readers need no lock.
 */
public final class ContentStore {
  private final Path root;

  public ContentStore(Path root) {
    this.root = root;
  }

  public Path path(Digest digest) {
    return root.resolve("blobs").resolve("sha256").resolve(digest.hex());
  }

  public boolean has(Digest digest) {
    return Files.isRegularFile(path(digest));
  }

  public byte[] read(Digest digest) {
    try {
      return Files.readAllBytes(path(digest));
    } catch (IOException e) {
      throw new ContainerException(
          Kind.NOT_FOUND, "blob " + digest + " is not in the image store", e);
    }
  }

  /** Stores {@code content} after checking that it hashes to {@code expected}. */
  public void write(Digest expected, byte[] content) {
    try (Ingest ingest = begin(expected, content.length)) {
      ingest.output().write(content);
      ingest.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store blob " + expected, e);
    }
  }

  /** Starts writing a blob; {@code expectedSize} &lt; 0 means unknown. */
  public Ingest begin(Digest expected, long expectedSize) throws IOException {
    return new Ingest(
        this, expected, expectedSize, Files.createTempFile(tmpDir(), "ingest-", ".part"));
  }

  public Path tmpDir() throws IOException {
    return Files.createDirectories(root.resolve("tmp"));
  }

  void publish(Path temp, Digest digest) throws IOException {
    Path target = path(digest);
    Files.createDirectories(target.getParent());
    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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
