package dev.jcompose.scheduler.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One client connection to a unix socket with bounded connect and read waits. JDK channels have no
 * SO_TIMEOUT, so the channel is non-blocking and every wait goes through a selector with a
 * deadline. {@link #close} may be called from another thread to abort a blocked read.
 */
final class UnixConnection implements AutoCloseable {
  private final SocketChannel channel;
  private final Selector selector;
  private volatile Duration readTimeout;
  private volatile boolean closing;

  private UnixConnection(SocketChannel channel, Selector selector, Duration readTimeout) {
    this.channel = channel;
    this.selector = selector;
    this.readTimeout = readTimeout;
  }

  static UnixConnection open(Path socket, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
    Selector selector = null;
    try {
      channel.configureBlocking(false);
      selector = Selector.open();
      UnixConnection c = new UnixConnection(channel, selector, readTimeout);
      c.connect(socket, connectTimeout);
      return c;
    } catch (IOException | RuntimeException e) {
      channel.close();
      if (selector != null) {
        selector.close();
      }
      throw e;
    }
  }

  private void connect(Path socket, Duration timeout) throws IOException {
    if (channel.connect(UnixDomainSocketAddress.of(socket))) {
      return;
    }
    await(SelectionKey.OP_CONNECT, timeout, "connecting to " + socket);
    channel.finishConnect();
  }

  /** Changes the longest wait for the next byte (an idle limit, not a total one). */
  void readTimeout(Duration timeout) {
    this.readTimeout = timeout;
  }

  void write(byte[] bytes) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(bytes);
    while (buf.hasRemaining()) {
      if (channel.write(buf) == 0) {
        await(SelectionKey.OP_WRITE, readTimeout, "writing to the engine");
      }
    }
  }

  /** Reads at least one byte, or returns -1 at end of stream; throws on idle timeout. */
  int read(byte[] dst, int off, int len) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(dst, off, len);
    while (true) {
      int n = channel.read(buf);
      if (n != 0) {
        return n;
      }
      await(SelectionKey.OP_READ, readTimeout, "waiting for the engine's answer");
    }
  }

  InputStream inputStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return UnixConnection.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return len == 0 ? 0 : UnixConnection.this.read(b, off, len);
      }
    };
  }

  /** Waits until {@code op} is ready; a zero/null timeout waits forever (until {@link #close}). */
  private void await(int op, Duration timeout, String what) throws IOException {
    SelectionKey key;
    try {
      key = channel.register(selector, op);
    } catch (ClosedSelectorException | CancelledKeyException e) {
      throw new AsynchronousCloseException();
    }
    try {
      long millis = timeout == null || timeout.isZero() ? 0 : Math.max(1, timeout.toMillis());
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      while (true) {
        long wait = millis == 0 ? 0 : remainingMillis(deadline);
        if (millis > 0 && wait == 0) {
          throw new SocketTimeoutException("timed out after " + millis + " ms " + what);
        }
        if (selector.select(wait) > 0) {
          return;
        }
        if (closing) {
          // close() woke us, possibly before the channel itself is closed: this is no timeout
          throw new AsynchronousCloseException();
        }
      }
    } catch (ClosedSelectorException e) {
      throw new AsynchronousCloseException();
    } finally {
      forget(key);
    }
  }

  /** Readies the selector for the next wait; a concurrent close may have torn both down already. */
  private void forget(SelectionKey key) {
    try {
      key.interestOps(0);
      selector.selectedKeys().clear();
    } catch (CancelledKeyException | ClosedSelectorException e) {
      // closed under us: nothing left to reset
    }
  }

  /** At least 1, so that select never turns into "forever" by rounding down. */
  private static long remainingMillis(long deadline) {
    long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    return left <= 0 ? 0 : Math.max(1, left);
  }

  @Override
  public void close() throws IOException {
    closing = true;
    try {
      selector.wakeup();
      channel.close();
    } finally {
      selector.close();
    }
  }
}
