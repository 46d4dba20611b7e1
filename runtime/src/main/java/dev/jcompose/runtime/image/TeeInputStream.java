package dev.jcompose.runtime.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Copies everything read to a sink (the blob's {@code Ingest}) and reports the running byte count
 * every {@value #REPORT_EVERY} bytes, so one pass over the network feeds both the content store and
 * the unpacker.
 */
final class TeeInputStream extends FilterInputStream {
  private static final long REPORT_EVERY = 1 << 20;
  private final OutputStream sink;
  private final Runnable arrived;
  private final LongConsumer progress;
  private long count;
  private long reported;

  TeeInputStream(InputStream in, OutputStream sink, Runnable arrived, LongConsumer progress) {
    super(in);
    this.sink = sink;
    this.arrived = arrived;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      arrived.run();
      sink.write(b, off, n);
      count += n;
      if (count - reported >= REPORT_EVERY) {
        reported = count;
        progress.accept(count);
      }
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // skipping would bypass the sink; read instead
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int r = read(buffer, 0, buffer.length);
    return Math.max(r, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads to the end (so the sink sees the whole blob); returns the total byte count. */
  long drain() throws IOException {
    byte[] buffer = new byte[1 << 16];
    while (read(buffer, 0, buffer.length) >= 0) {
      // only the side effects matter
    }
    progress.accept(count);
    return count;
  }
}
