package dev.jcompose.runtime.shim;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One request on a monitor's control socket: a command line out, one reply line back. A null reply
 * means the monitor closed the connection (it exits once the container is reaped). Blocking, with a
 * deadline on every call; use {@link Duration#ZERO} for "no deadline" (exit waits).
 */
public final class ShimClient {
  private ShimClient() {}

  public static String request(Path socket, String command, Duration timeout) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ByteBuffer out = ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8));
      while (out.hasRemaining()) {
        ch.write(out);
      }
      return readLine(ch, timeout);
    }
  }

  private static String readLine(SocketChannel ch, Duration timeout) throws IOException {
    ch.configureBlocking(false);
    long deadline = timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    ByteBuffer buf = ByteBuffer.allocate(1024);
    try (Selector sel = Selector.open()) {
      ch.register(sel, SelectionKey.OP_READ);
      while (true) {
        long left =
            deadline == Long.MAX_VALUE
                ? 0
                : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        if (deadline != Long.MAX_VALUE && System.nanoTime() >= deadline) {
          throw new IOException("no reply from " + ch.getRemoteAddress() + " within " + timeout);
        }
        sel.select(left);
        sel.selectedKeys().clear();
        int n = ch.read(buf);
        if (n < 0) {
          return buf.position() == 0 ? null : text(buf);
        }
        if (buf.position() > 0 && buf.get(buf.position() - 1) == '\n') {
          return text(buf);
        }
      }
    }
  }

  private static String text(ByteBuffer buf) {
    return new String(buf.array(), buf.arrayOffset(), buf.position(), StandardCharsets.UTF_8)
        .strip();
  }
}
