package dev.jcompose.netmgr.dns;

import dev.jcompose.netmgr.ipam.Ipv4;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.xbill.DNS.Message;

/**
 * The embedded DNS: one {@link DnsListener} per network, one shared {@link DnsView} swapped on
 * every change, forwarding of everything else. Runs on the given Vert.x event loop; nothing here
 * blocks.
 *
 * <p>Lifecycle: {@link #listen} when a network's bridge has its gateway address, {@link #unlisten}
 * before the bridge goes, {@link #update} after any endpoint change, {@link #close} at engine stop.
 */
public final class DnsService implements DnsFrontend {
  private final Vertx vertx;
  private final int port;
  private final Supplier<List<SocketAddress>> hostUpstreams;
  private final DnsResponder responder = new DnsResponder();
  private final DnsForwarder forwarder;
  private final Map<String, DnsListener> listeners = new ConcurrentHashMap<>();
  private final ContainerResolvers containers = new ContainerResolvers(this::handleFor);
  private volatile DnsView view = DnsView.empty();

  public DnsService(Vertx vertx, int port, Supplier<List<SocketAddress>> hostUpstreams) {
    this.vertx = vertx;
    this.port = port;
    this.hostUpstreams = hostUpstreams;
    this.forwarder = new DnsForwarder(vertx);
  }

  @Override
  public void update(DnsView newView) {
    view = newView;
  }

  @Override
  public Future<Void> listen(String network, String address) {
    if (listeners.containsKey(network)) {
      return Future.succeededFuture();
    }
    return DnsListener.start(vertx, this, network, address, port)
        .onSuccess(l -> listeners.put(network, l))
        .mapEmpty();
  }

  @Override
  public Future<Void> unlisten(String network) {
    DnsListener l = listeners.remove(network);
    return l == null ? Future.succeededFuture() : l.close();
  }

  @Override
  public ContainerResolvers.Ports serve(String containerId, Path netns) {
    return containers.open(containerId, netns);
  }

  @Override
  public void stopServing(String containerId) {
    containers.close(containerId);
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = listeners.keySet().stream().map(this::unlisten).toList();
    containers.close();
    forwarder.close();
    return Future.join(closing).mapEmpty();
  }

  /** Answers one query arriving on {@code network}'s listener; a failed future means "drop". */
  Future<byte[]> handle(String network, String clientHost, byte[] wire, boolean tcp) {
    if (wire.length > DnsWire.MAX_QUERY) {
      return DnsWire.formerr(wire)
          .map(Future::succeededFuture)
          .orElseGet(() -> Future.failedFuture("oversized query"));
    }
    if (!Ipv4.isValid(clientHost)) {
      return Future.failedFuture("unparseable query");
    }
    byte[] fast =
        DnsFastAnswer.answer(responder, view.visibleTo(network, Ipv4.parse(clientHost)), wire, tcp);
    if (fast != null) {
      return Future.succeededFuture(fast);
    }
    Optional<Message> query = DnsWire.parse(wire);
    if (query.isEmpty()) {
      return Future.failedFuture("unparseable query");
    }
    return answer(
        responder.decide(view, network, Ipv4.parse(clientHost), query.get()),
        wire,
        query.get(),
        tcp);
  }

  /** Answers one query arriving on a container's own resolver (127.0.0.11). */
  Future<byte[]> handleFor(String containerId, byte[] wire, boolean tcp) {
    byte[] fast = DnsFastAnswer.answer(responder, view.visibleToContainer(containerId), wire, tcp);
    if (fast != null) {
      return Future.succeededFuture(fast);
    }
    Optional<Message> query = DnsWire.parse(wire);
    if (query.isEmpty()) {
      return Future.failedFuture("unparseable query");
    }
    return answer(responder.decideFor(view, containerId, query.get()), wire, query.get(), tcp);
  }

  private Future<byte[]> answer(DnsResponder.Decision d, byte[] wire, Message query, boolean tcp) {
    int limit = tcp ? 65535 : DnsWire.udpLimit(query);
    if (!d.forward()) {
      return Future.succeededFuture(DnsWire.udp(d.response(), limit));
    }
    List<SocketAddress> servers =
        d.servers().isEmpty()
            ? hostUpstreams.get()
            : d.servers().stream().map(HostResolvers::address).toList();
    return forwarder
        .forward(wire, servers, tcp)
        .map(answer -> answer.length <= limit ? answer : reencode(answer, limit))
        .recover(e -> Future.succeededFuture(DnsWire.servfail(query)));
  }

  private static byte[] reencode(byte[] answer, int limit) {
    return DnsWire.parse(answer).map(m -> DnsWire.udp(m, limit)).orElse(answer);
  }
}
