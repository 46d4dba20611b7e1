package dev.jcompose.runtime.image.content;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * One blob being written: bytes go to a scratch file while being hashed and counted, and a byte
 * past the expected size fails at once (a registry cannot make us store more than the manifest
 * says). {@link #commit()} checks digest and size, fsyncs the file, renames it into place and
 * fsyncs the directory, so a blob that exists is complete even after a power loss; {@link #close()}
 * without commit deletes the scratch file.
 */
public final class Ingest implements AutoCloseable {
  private final ContentStore store;
  private final Digest expected;
  private final long expectedSize;
  private final Path temp;
  private final MessageDigest sha256 = Digest.newSha256();
  private final FileChannel channel;
  private final OutputStream file;
  private long written;
  private boolean committed;

  Ingest(ContentStore store, Digest expected, long expectedSize, Path temp) throws IOException {
    this.store = store;
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.temp = temp;
    this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    this.file = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
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
        if (expectedSize >= 0 && written + len > expectedSize) {
          throw new ContainerException(
              Kind.INVALID,
              "blob "
                  + expected
                  + " is larger than the "
                  + expectedSize
                  + " bytes the manifest says: refused");
        }
        sha256.update(b, off, len);
        written += len;
        try {
          file.write(b, off, len);
        } catch (IOException e) {
          throw writeFailure(e);
        }
      }

      @Override
      public void close() {
        // the ingest owns the file; commit/close end it
      }
    };
  }

  /** Verifies and publishes; throws INVALID naming both digests, or both sizes, on a mismatch. */
  public void commit() throws IOException {
    try {
      file.flush();
      channel.force(true);
    } catch (IOException e) {
      throw writeFailure(e);
    }
    file.close();
    Digest actual = Digest.fromHash(sha256.digest());
    if (!actual.equals(expected)) {
      throw new ContainerException(
          Kind.INVALID,
          "blob has digest '"
              + actual
              + "' ("
              + written
              + " bytes) but the expected digest was '"
              + expected
              + "'"
              + (expectedSize >= 0 ? " (" + expectedSize + " bytes)" : ""));
    }
    if (expectedSize >= 0 && written != expectedSize) {
      throw new ContainerException(
          Kind.INVALID,
          "blob " + expected + " has " + written + " bytes but the manifest says " + expectedSize);
    }
    store.publish(temp, expected);
    committed = true;
  }

  private IOException writeFailure(IOException e) {
    return new IOException(
        "cannot write blob " + expected + " to " + temp.getParent() + ": " + e.getMessage(), e);
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        file.close();
      } catch (IOException e) {
        // a full disk fails the last flush too; the file goes either way
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
