package dev.jcompose.netmgr.dns;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Relays a query's raw bytes (so EDNS options pass through untouched) to upstream resolvers, in
 * order, from the host network namespace (so host-loopback stubs such as systemd-resolved's work,
 * as docker's HostLoopback forwarding does). A truncated UDP answer is retried over TCP. Each
 * server gets {@link #PER_SERVER_MS}; docker uses 4 s, aardvark 5 s across all servers.
 */
final class DnsForwarder {
  static final long PER_SERVER_MS = 2000;
  private final Vertx vertx;
  private final NetClient tcpClient;

  DnsForwarder(Vertx vertx) {
    this.vertx = vertx;
    this.tcpClient =
        vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) PER_SERVER_MS));
  }

  Future<byte[]> forward(byte[] query, List<SocketAddress> servers, boolean viaTcp) {
    return tryFrom(query, servers, 0, viaTcp);
  }

  private Future<byte[]> tryFrom(
      byte[] query, List<SocketAddress> servers, int index, boolean viaTcp) {
    if (index >= servers.size()) {
      return Future.failedFuture("no upstream resolver answered (" + servers + ")");
    }
    SocketAddress server = servers.get(index);
    Future<byte[]> answer =
        viaTcp
            ? tcp(query, server)
            : udp(query, server)
                .compose(
                    r ->
                        DnsWire.truncated(r)
                            ? tcp(query, server).recover(e -> Future.succeededFuture(r))
                            : Future.succeededFuture(r));
    return answer.recover(e -> tryFrom(query, servers, index + 1, viaTcp));
  }

  private Future<byte[]> udp(byte[] query, SocketAddress server) {
    DatagramSocket socket = vertx.createDatagramSocket();
    Promise<byte[]> reply = Promise.promise();
    int id = DnsWire.id(query);
    socket.handler(
        p -> {
          byte[] bytes = p.data().getBytes();
          // Accept only the answer to this id from this server: a cheap guard against spoofed
          // replies.
          if (DnsWire.id(bytes) == id && p.sender().port() == server.port()) {
            reply.tryComplete(bytes);
          }
        });
    socket
        .listen(0, "0.0.0.0")
        .compose(s -> s.send(Buffer.buffer(query), server.port(), server.host()))
        .onFailure(reply::tryFail);
    return reply
        .future()
        .timeout(PER_SERVER_MS, TimeUnit.MILLISECONDS)
        .andThen(x -> socket.close());
  }

  private Future<byte[]> tcp(byte[] query, SocketAddress server) {
    Promise<byte[]> reply = Promise.promise();
    tcpClient
        .connect(server)
        .onFailure(reply::tryFail)
        .onSuccess(
            socket -> {
              readOneFrame(socket, reply);
              socket.write(frame(query));
              reply.future().onComplete(x -> socket.close());
            });
    return reply.future().timeout(PER_SERVER_MS, TimeUnit.MILLISECONDS);
  }

  private static void readOneFrame(NetSocket socket, Promise<byte[]> reply) {
    RecordParser parser = RecordParser.newFixed(2);
    parser.handler(
        new Handler<>() {
          private boolean header = true;

          @Override
          public void handle(Buffer b) {
            if (header) {
              header = false;
              parser.fixedSizeMode(b.getUnsignedShort(0));
            } else {
              reply.tryComplete(b.getBytes());
            }
          }
        });
    socket.handler(parser);
    socket.closeHandler(v -> reply.tryFail("upstream closed the connection"));
  }

  /** Two-byte length prefix of DNS over TCP (RFC 1035 4.2.2). */
  static Buffer frame(byte[] message) {
    return Buffer.buffer(message.length + 2)
        .appendUnsignedShort(message.length)
        .appendBytes(message);
  }

  void close() {
    tcpClient.close();
  }
}
