package dev.jcompose.runtime.image.content;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;

/**
 * One blob being written: bytes go to a temp file while being hashed; {@link #commit()} checks
 * digest and size and publishes the file, {@link #close()} without commit deletes it.
 */
public final class Ingest implements AutoCloseable {
  private final ContentStore store;
  private final Digest expected;
  private final long expectedSize;
  private final Path temp;
  private final MessageDigest sha256 = Digest.newSha256();
  private final OutputStream file;
  private long written;
  private boolean committed;

  Ingest(ContentStore store, Digest expected, long expectedSize, Path temp) throws IOException {
    this.store = store;
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.temp = temp;
    this.file = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
  }

  /** Where to write the blob's bytes. Not thread-safe. */
  public OutputStream output() {
    return new FilterOutputStream(file) {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        sha256.update(b, off, len);
        written += len;
        file.write(b, off, len);
      }

      @Override
      public void close() {
        // the ingest owns the file; commit/close end it
      }
    };
  }

  /** Verifies and publishes; throws INVALID naming both digests on a mismatch. */
  public void commit() throws IOException {
    file.close();
    Digest actual = Digest.fromHash(sha256.digest());
    if (!actual.equals(expected)) {
      throw new ContainerException(
          Kind.INVALID,
          "blob has digest '" + actual + "' but the expected digest was '" + expected + "'");
    }
    if (expectedSize >= 0 && written != expectedSize) {
      throw new ContainerException(
          Kind.INVALID,
          "blob " + expected + " has " + written + " bytes but the manifest says " + expectedSize);
    }
    store.publish(temp, expected);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      file.close();
      Files.deleteIfExists(temp);
    }
  }
}
