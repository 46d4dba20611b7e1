package dev.jcompose.netmgr.ports;

import dev.jcompose.netmgr.api.PortBinding;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host-side sockets of published ports, per container. {@link #open} binds all of a container's
 * ports or none: if one bind fails, those already bound are closed and the failure names the
 * binding, so nothing has changed when the caller reports the conflict.
 */
public final class PortProxies {
  private final Vertx vertx;
  private final NetClient client;
  private final Map<String, List<Proxy>> open = new ConcurrentHashMap<>();

  public PortProxies(Vertx vertx) {
    this.vertx = vertx;
    this.client = vertx.createNetClient();
  }

  /** A bind that failed, with the binding that could not be bound. */
  public static final class BindFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient PortBinding binding;

    BindFailure(PortBinding binding, Throwable cause) {
      super(cause.getMessage(), cause);
      this.binding = binding;
    }

    public PortBinding binding() {
      return binding;
    }
  }

  /** Binds every port; completes with the bindings as bound (random ports resolved). */
  public Future<List<PortBinding>> open(String owner, List<PortBinding> bindings) {
    List<Proxy> bound = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (PortBinding b : bindings) {
      chain = chain.compose(v -> openOne(b).onSuccess(bound::add).mapEmpty());
    }
    return chain
        .map(
            v -> {
              open.computeIfAbsent(owner, k -> new ArrayList<>()).addAll(bound);
              List<PortBinding> actual = new ArrayList<>();
              for (int i = 0; i < bindings.size(); i++) {
                PortBinding b = bindings.get(i);
                actual.add(
                    new PortBinding(
                        b.hostIp(),
                        bound.get(i).port(),
                        b.containerIp(),
                        b.containerPort(),
                        b.protocol()));
              }
              return List.copyOf(actual);
            })
        .recover(
            e ->
                Future.join(bound.stream().map(Proxy::close).toList())
                    .transform(x -> Future.failedFuture(e)));
  }

  private Future<Proxy> openOne(PortBinding b) {
    String host = b.hostIp() == null || b.hostIp().isEmpty() ? "0.0.0.0" : b.hostIp();
    Future<Proxy> f =
        "udp".equals(b.protocol())
            ? UdpProxy.open(vertx, host, b.hostPort(), b.containerIp(), b.containerPort())
            : TcpProxy.open(vertx, client, host, b.hostPort(), b.containerIp(), b.containerPort());
    return f.recover(e -> Future.failedFuture(new BindFailure(b, e)));
  }

  public Future<Void> close(String owner) {
    List<Proxy> proxies = open.remove(owner);
    return proxies == null
        ? Future.succeededFuture()
        : Future.join(proxies.stream().map(Proxy::close).toList()).mapEmpty();
  }

  public Future<Void> closeAll() {
    return Future.join(List.copyOf(open.keySet()).stream().map(this::close).toList()).mapEmpty();
  }
}
