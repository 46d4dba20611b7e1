package dev.jcompose.netmgr.dns;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetServer;
import io.vertx.core.parsetools.RecordParser;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * Upstream resolver on 127.0.0.1 (UDP and TCP, same port): "one.test" = 1 address; "big.test" = 60
 * addresses, answered truncated over UDP and fully over TCP; anything else NXDOMAIN.
 */
final class UpstreamStub implements AutoCloseable {
  final AtomicInteger tcpQueries = new AtomicInteger();
  final AtomicInteger udpQueries = new AtomicInteger();
  final AtomicInteger queriesWithEdns = new AtomicInteger();
  private final DatagramSocket udp;
  private final NetServer tcp;

  UpstreamStub(Vertx vertx, int port) throws Exception {
    udp = vertx.createDatagramSocket();
    udp.handler(
        p -> {
          udpQueries.incrementAndGet();
          udp.send(
              Buffer.buffer(answer(p.data().getBytes(), false)),
              p.sender().port(),
              p.sender().host());
        });
    tcp =
        vertx
            .createNetServer()
            .connectHandler(
                s -> {
                  RecordParser parser = RecordParser.newFixed(2);
                  parser.handler(
                      new io.vertx.core.Handler<>() {
                        boolean header = true;

                        @Override
                        public void handle(Buffer b) {
                          if (header) {
                            parser.fixedSizeMode(b.getUnsignedShort(0));
                          } else {
                            tcpQueries.incrementAndGet();
                            parser.fixedSizeMode(2);
                            s.write(DnsForwarder.frame(answer(b.getBytes(), true)));
                          }
                          header = !header;
                        }
                      });
                  s.handler(parser);
                });
    udp.listen(port, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
    tcp.listen(port, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  private byte[] answer(byte[] wire, boolean overTcp) {
    try {
      Message q = new Message(wire);
      if (q.getOPT() != null) {
        queriesWithEdns.incrementAndGet();
      }
      Message r = new Message(q.getHeader().getID());
      r.getHeader().setFlag(Flags.QR);
      r.addRecord(q.getQuestion(), Section.QUESTION);
      String name = q.getQuestion().getName().toString();
      int count = name.equals("one.test.") ? 1 : name.equals("big.test.") ? 60 : 0;
      if (count == 0) {
        r.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      if (count > 1 && !overTcp) {
        r.getHeader().setFlag(Flags.TC);
        return r.toWire();
      }
      for (int i = 0; i < count; i++) {
        r.addRecord(
            new ARecord(
                q.getQuestion().getName(),
                DClass.IN,
                60,
                InetAddress.getByAddress(new byte[] {10, 0, 1, (byte) (i + 1)})),
            Section.ANSWER);
      }
      return r.toWire();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    udp.close();
    tcp.close();
  }
}
