package dev.jcompose.netmgr.dns;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.parsetools.RecordParser;
import java.util.concurrent.TimeUnit;

/**
 * UDP and TCP sockets on one network's gateway address, port 53 (aardvark's model: one socket pair
 * per network, nothing inside containers). Every query goes to {@link DnsService#handle}; the
 * sockets live as long as the network, records change underneath them. Messages are bounded: a
 * datagram by its size, a TCP frame by its 16-bit length, and {@link DnsService#handle} answers
 * anything over {@link DnsWire#MAX_QUERY} with FORMERR.
 */
final class DnsListener {
  private static final int TCP_IDLE_SECONDS = 10;
  private final DatagramSocket udp;
  private final NetServer tcp;

  private DnsListener(DatagramSocket udp, NetServer tcp) {
    this.udp = udp;
    this.tcp = tcp;
  }

  static Future<DnsListener> start(
      Vertx vertx, DnsService service, String network, String address, int port) {
    DatagramSocket udp =
        vertx.createDatagramSocket(new DatagramSocketOptions().setReuseAddress(true));
    udp.handler(
        p ->
            service
                .handle(network, p.sender().host(), p.data().getBytes(), false)
                .onSuccess(
                    answer ->
                        udp.send(Buffer.buffer(answer), p.sender().port(), p.sender().host())));
    NetServer tcp =
        vertx.createNetServer(
            new NetServerOptions()
                .setReuseAddress(true)
                .setIdleTimeout(TCP_IDLE_SECONDS)
                .setIdleTimeoutUnit(TimeUnit.SECONDS));
    tcp.connectHandler(socket -> serveTcp(service, network, socket));
    return udp.listen(port, address)
        .compose(u -> tcp.listen(port, address))
        .map(t -> new DnsListener(udp, tcp))
        .onFailure(
            e -> {
              udp.close();
              tcp.close();
            });
  }

  private static void serveTcp(DnsService service, String network, NetSocket socket) {
    RecordParser parser = RecordParser.newFixed(2);
    parser.handler(
        new Handler<>() {
          private boolean header = true;

          @Override
          public void handle(Buffer b) {
            if (header) {
              int length = b.getUnsignedShort(0);
              if (length == 0) {
                socket.close(); // an empty message is no query; RFC 7766 lets a server close the
                // connection
                return;
              }
              parser.fixedSizeMode(length);
            } else {
              parser.fixedSizeMode(2);
              service
                  .handle(network, socket.remoteAddress().host(), b.getBytes(), true)
                  .onSuccess(answer -> socket.write(DnsForwarder.frame(answer)));
            }
            header = !header;
          }
        });
    socket.handler(parser);
  }

  Future<Void> close() {
    return Future.join(udp.close(), tcp.close()).mapEmpty();
  }
}
