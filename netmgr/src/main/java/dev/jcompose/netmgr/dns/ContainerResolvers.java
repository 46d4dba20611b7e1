package dev.jcompose.netmgr.dns;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.sys.Netns;
import io.vertx.core.Future;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The embedded DNS as docker's containers reach it: a resolver on 127.0.0.11 inside each
 * container's own network namespace (moby libnetwork resolver.go). The UDP and TCP sockets are
 * opened in the container's netns on a free port of 127.0.0.11 (the owner's DNAT sends port 53
 * there, so a DNS server the container runs itself on port 53 keeps its port) and served by one
 * selector thread of the engine; queries are answered for the container that owns the socket, so no
 * source address is needed to know which networks it may see.
 *
 * <p>Lifecycle: {@link #open} per container, {@link #close(String)} when it goes, {@link #close()}
 * at engine stop. The sockets die with the engine; the next one opens new ones (new ports).
 */
public final class ContainerResolvers implements AutoCloseable {
  public static final String ADDRESS = "127.0.0.11";
  private static final int MAX_UDP = 65535;
  private static final int UDP_BATCH = 64;

  /** Answers one query for a container; a failed future means "drop". */
  @FunctionalInterface
  interface Handler {
    Future<byte[]> handle(String containerId, byte[] query, boolean tcp);
  }

  /** The ports a container's resolver got on 127.0.0.11. */
  public record Ports(int udp, int tcp) {}

  private record Sockets(DatagramChannel udp, ServerSocketChannel tcp) {}

  private final Handler handler;
  private final Map<String, Sockets> byContainer = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
  private final Selector selector;
  private final Thread loop;
  private volatile boolean closed;

  ContainerResolvers(Handler handler) {
    this.handler = handler;
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new NetworkException(
          NetworkException.Kind.UNAVAILABLE, "cannot open a selector for the embedded DNS", e);
    }
    this.loop = new Thread(this::run, "dns-containers");
    loop.setDaemon(true);
    loop.start();
  }

  /** Opens (or returns) the container's resolver sockets inside the netns at {@code netns}. */
  Ports open(String containerId, Path netns) {
    Sockets s =
        byContainer.computeIfAbsent(
            containerId, id -> Netns.inside(netns, ContainerResolvers::bind));
    pending.add(() -> register(containerId, s));
    selector.wakeup();
    return new Ports(s.udp().socket().getLocalPort(), s.tcp().socket().getLocalPort());
  }

  private static Sockets bind() throws IOException {
    DatagramChannel udp = DatagramChannel.open();
    ServerSocketChannel tcp = ServerSocketChannel.open();
    try {
      udp.bind(new InetSocketAddress(ADDRESS, 0)).configureBlocking(false);
      tcp.bind(new InetSocketAddress(ADDRESS, 0)).configureBlocking(false);
      return new Sockets(udp, tcp);
    } catch (IOException | RuntimeException e) {
      udp.close();
      tcp.close();
      throw e;
    }
  }

  void close(String containerId) {
    Sockets s = byContainer.remove(containerId);
    if (s != null) {
      closeQuietly(s.udp());
      closeQuietly(s.tcp());
      selector.wakeup();
    }
  }

  @Override
  public void close() {
    closed = true;
    byContainer.keySet().forEach(this::close);
    selector.wakeup();
    try {
      loop.join(2000);
      selector.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // closing anyway
    }
  }

  private void register(String containerId, Sockets s) {
    try {
      if (s.udp().isOpen() && s.udp().keyFor(selector) == null) {
        s.udp().register(selector, SelectionKey.OP_READ, containerId);
        s.tcp().register(selector, SelectionKey.OP_ACCEPT, containerId);
      }
    } catch (ClosedChannelException e) {
      // closed between open and registration
    }
  }

  private void run() {
    ByteBuffer buf = ByteBuffer.allocate(MAX_UDP);
    while (!closed) {
      try {
        selector.select(1000);
        for (Runnable r; (r = pending.poll()) != null; ) {
          r.run();
        }
        for (SelectionKey k : selector.selectedKeys()) {
          dispatch(k, buf);
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        // one bad client must not stop the resolver of every container
      }
    }
  }

  private void dispatch(SelectionKey k, ByteBuffer buf) throws IOException {
    if (!k.isValid()) {
      return;
    }
    String containerId = (String) k.attachment();
    if (k.channel() instanceof DatagramChannel udp) {
      readUdp(udp, containerId, buf);
    } else if (k.channel() instanceof ServerSocketChannel server) {
      SocketChannel client = server.accept();
      if (client != null) {
        client
            .configureBlocking(false)
            .register(selector, SelectionKey.OP_READ, new TcpClient(containerId, client));
      }
    } else if (k.attachment() instanceof TcpClient c) {
      c.read();
    }
  }

  /**
   * Reads the datagrams waiting on one socket, up to {@link #UDP_BATCH}: a busy client's queries
   * are answered without a select call between them, and the bound keeps other containers served.
   */
  private void readUdp(DatagramChannel udp, String containerId, ByteBuffer buf) throws IOException {
    for (int i = 0; i < UDP_BATCH; i++) {
      buf.clear();
      SocketAddress from = udp.receive(buf);
      if (from == null) {
        return;
      }
      byte[] query = new byte[buf.flip().remaining()];
      buf.get(query);
      handler
          .handle(containerId, query, false)
          .onSuccess(
              answer -> {
                try {
                  udp.send(ByteBuffer.wrap(answer), from);
                } catch (IOException e) {
                  // the client went away
                }
              });
    }
  }

  /** DNS over TCP: two-byte length prefix per message (RFC 1035 4.2.2), several per connection. */
  private final class TcpClient {
    private final String containerId;
    private final SocketChannel channel;
    private ByteBuffer in = ByteBuffer.allocate(2);
    private boolean header = true;

    TcpClient(String containerId, SocketChannel channel) {
      this.containerId = containerId;
      this.channel = channel;
    }

    void read() throws IOException {
      if (channel.read(in) < 0) {
        channel.close();
        return;
      }
      if (in.hasRemaining()) {
        return;
      }
      in.flip();
      if (header) {
        in = ByteBuffer.allocate(in.getShort() & 0xffff);
        header = false;
        return;
      }
      byte[] query = in.array();
      in = ByteBuffer.allocate(2);
      header = true;
      handler.handle(containerId, query, true).onSuccess(this::reply);
    }

    private void reply(byte[] answer) {
      ByteBuffer out =
          ByteBuffer.allocate(answer.length + 2).putShort((short) answer.length).put(answer).flip();
      try {
        while (out.hasRemaining() && channel.isOpen()) {
          channel.write(out);
        }
      } catch (IOException e) {
        closeQuietly(channel);
      }
    }
  }

  private static void closeQuietly(Channel c) {
    try {
      c.close();
    } catch (IOException e) {
      // already gone
    }
  }
}
