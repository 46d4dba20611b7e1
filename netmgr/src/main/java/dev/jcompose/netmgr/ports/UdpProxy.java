package dev.jcompose.netmgr.ports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * One published UDP port served in-process (see {@link TcpProxy} for why). Each client address gets
 * its own upstream socket so replies find their way back; idle sessions close after {@link
 * #IDLE_MS} like docker-proxy's UDP connection tracking.
 */
final class UdpProxy implements Proxy {
  private static final long IDLE_MS = 60_000;
  private final Vertx vertx;
  private final DatagramSocket listener;
  private final String targetIp;
  private final int targetPort;
  private final Map<SocketAddress, Session> sessions = new HashMap<>();

  private UdpProxy(Vertx vertx, DatagramSocket listener, String targetIp, int targetPort) {
    this.vertx = vertx;
    this.listener = listener;
    this.targetIp = targetIp;
    this.targetPort = targetPort;
  }

  static Future<Proxy> open(
      Vertx vertx, String hostIp, int hostPort, String targetIp, int targetPort) {
    DatagramSocket socket = vertx.createDatagramSocket();
    UdpProxy proxy = new UdpProxy(vertx, socket, targetIp, targetPort);
    socket.handler(p -> proxy.fromClient(p.sender(), p.data()));
    return socket.listen(hostPort, hostIp).map(s -> proxy);
  }

  private void fromClient(SocketAddress client, Buffer data) {
    Session s = sessions.computeIfAbsent(client, this::newSession);
    s.touch();
    s.ready.onSuccess(up -> up.send(data, targetPort, targetIp));
  }

  private Session newSession(SocketAddress client) {
    DatagramSocket up = vertx.createDatagramSocket();
    up.handler(p -> listener.send(p.data(), client.port(), client.host()));
    return new Session(client, up, up.listen(0, "0.0.0.0"));
  }

  @Override
  public int port() {
    return listener.localAddress().port();
  }

  @Override
  public Future<Void> close() {
    sessions.values().forEach(Session::close);
    return listener.close();
  }

  private final class Session {
    private final SocketAddress client;
    private final DatagramSocket socket;
    private final Future<DatagramSocket> ready;
    private long timer = -1;

    Session(SocketAddress client, DatagramSocket socket, Future<DatagramSocket> ready) {
      this.client = client;
      this.socket = socket;
      this.ready = ready;
    }

    void touch() {
      if (timer >= 0) {
        vertx.cancelTimer(timer);
      }
      timer =
          vertx.setTimer(
              IDLE_MS,
              id -> {
                sessions.remove(client);
                close();
              });
    }

    void close() {
      vertx.cancelTimer(timer);
      socket.close();
    }
  }
}
