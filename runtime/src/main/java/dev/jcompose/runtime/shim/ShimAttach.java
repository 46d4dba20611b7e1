package dev.jcompose.runtime.shim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An attach connection to a monitor ({@code attach} on its control socket, see attach.c): the
 * container's output arrives as frames (stream byte 1 stdout / 2 stderr, 4-byte big-endian length,
 * the bytes), demultiplexed here by a daemon thread into two streams that end when the monitor
 * closes the connection (the container exited and its output is drained); what is written to {@link
 * #stdin()} goes to the container, and closing it half-closes the connection.
 */
public final class ShimAttach implements AutoCloseable {
  private static final int PIPE = 1 << 16;
  private final SocketChannel channel;
  private final PipedInputStream stdout = new PipedInputStream(PIPE);
  private final PipedInputStream stderr = new PipedInputStream(PIPE);

  private ShimAttach(SocketChannel channel) throws IOException {
    this.channel = channel;
    PipedOutputStream out = new PipedOutputStream(stdout);
    PipedOutputStream err = new PipedOutputStream(stderr);
    Thread t = new Thread(() -> demux(input(channel), out, err), "attach-" + channel.hashCode());
    t.setDaemon(true);
    t.start();
  }

  public static ShimAttach open(Path socket) throws IOException {
    SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
    try {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer cmd = ByteBuffer.wrap("attach\n".getBytes(StandardCharsets.US_ASCII));
      while (cmd.hasRemaining()) {
        ch.write(cmd);
      }
      return new ShimAttach(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  public InputStream stdout() {
    return stdout;
  }

  public InputStream stderr() {
    return stderr;
  }

  /**
   * Reads straight from the channel. Not {@code Channels.newInputStream}: its streams hold the
   * channel's blocking lock while they block, so a pending read would stop every write to stdin.
   */
  private static InputStream input(SocketChannel ch) {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : ch.read(ByteBuffer.wrap(b, off, len));
      }
    };
  }

  /** The container's stdin; closing it tells the monitor the input ended. */
  public OutputStream stdin() {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b, off, len);
        while (buf.hasRemaining()) {
          channel.write(buf);
        }
      }

      @Override
      public void close() throws IOException {
        if (channel.isOpen()) {
          channel.shutdownOutput();
        }
      }
    };
  }

  private static void demux(InputStream in, OutputStream out, OutputStream err) {
    byte[] header = new byte[5];
    byte[] buf = new byte[1 << 16];
    try (in;
        out;
        err) {
      while (in.readNBytes(header, 0, 5) == 5) {
        int len =
            ((header[1] & 0xff) << 24)
                | ((header[2] & 0xff) << 16)
                | ((header[3] & 0xff) << 8)
                | (header[4] & 0xff);
        OutputStream target = header[0] == 2 ? err : out;
        while (len > 0) {
          int n = in.read(buf, 0, Math.min(buf.length, len));
          if (n < 0) {
            return;
          }
          target.write(buf, 0, n);
          target.flush();
          len -= n;
        }
      }
    } catch (IOException e) {
      // the monitor went away or the reader stopped reading: the streams end here
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
