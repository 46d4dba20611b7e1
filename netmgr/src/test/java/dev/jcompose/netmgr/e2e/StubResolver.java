package dev.jcompose.netmgr.e2e;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** An upstream resolver on 127.0.0.1 for tests: example.test. A 192.0.2.99, NXDOMAIN otherwise. */
final class StubResolver implements AutoCloseable {
  static final String KNOWN = "example.test.";
  static final String ADDRESS = "192.0.2.99";
  private final DatagramSocket socket;
  final AtomicInteger queries = new AtomicInteger();

  StubResolver(Vertx vertx) throws Exception {
    socket = vertx.createDatagramSocket();
    socket.handler(
        p -> {
          queries.incrementAndGet();
          try {
            Message q = new Message(p.data().getBytes());
            Message r = new Message(q.getHeader().getID());
            r.getHeader().setFlag(Flags.QR);
            r.addRecord(q.getQuestion(), Section.QUESTION);
            if (q.getQuestion().getName().toString().equalsIgnoreCase(KNOWN)
                && q.getQuestion().getType() == Type.A) {
              r.addRecord(
                  new ARecord(
                      q.getQuestion().getName(), DClass.IN, 60, InetAddress.getByName(ADDRESS)),
                  Section.ANSWER);
            } else if (!q.getQuestion().getName().toString().equalsIgnoreCase(KNOWN)) {
              r.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            socket.send(Buffer.buffer(r.toWire()), p.sender().port(), p.sender().host());
          } catch (Exception e) {
            // ignore garbage
          }
        });
    socket
        .listen(0, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  int port() {
    return socket.localAddress().port();
  }

  @Override
  public void close() {
    socket.close();
  }
}
