package dev.jcompose.netmgr.ports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;

/**
 * One published TCP port served in-process, the role docker-proxy plays: the listening socket
 * reserves the host port (so conflicts surface at publish time) and carries the traffic DNAT cannot
 * see — connections to 127.0.0.1 and hairpin connections from containers. Chosen over
 * route_localnet + OUTPUT DNAT because that lets LAN hosts reach 127.0.0.1-bound ports with forged
 * packets (moby#41872) and needs no extra process per port.
 */
final class TcpProxy implements Proxy {
  private final NetServer server;

  private TcpProxy(NetServer server) {
    this.server = server;
  }

  static Future<Proxy> open(
      Vertx vertx, NetClient client, String hostIp, int hostPort, String targetIp, int targetPort) {
    NetServer server = vertx.createNetServer();
    server.connectHandler(in -> relay(client, in, targetIp, targetPort));
    return server.listen(hostPort, hostIp).map(s -> new TcpProxy(s));
  }

  private static void relay(NetClient client, NetSocket in, String targetIp, int targetPort) {
    in.pause();
    client
        .connect(targetPort, targetIp)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                in.close();
                return;
              }
              NetSocket out = ar.result();
              in.pipeTo(out);
              out.pipeTo(in);
              in.resume();
            });
  }

  @Override
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<Void> close() {
    return server.close();
  }
}
