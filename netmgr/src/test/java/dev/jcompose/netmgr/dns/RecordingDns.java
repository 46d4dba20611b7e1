package dev.jcompose.netmgr.dns;

import io.vertx.core.Future;
import java.util.Set;
import java.util.TreeSet;

/** Fake {@link DnsFrontend}: which listeners run and the last view. */
public final class RecordingDns implements DnsFrontend {
  public final Set<String> listening = new TreeSet<>();
  public DnsView view = DnsView.empty();

  @Override
  public void update(DnsView v) {
    view = v;
  }

  @Override
  public Future<Void> listen(String network, String address) {
    listening.add(network + "@" + address);
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> unlisten(String network) {
    listening.removeIf(l -> l.startsWith(network + "@"));
    return Future.succeededFuture();
  }

  /** Containers served on 127.0.0.11, with the ports handed out. */
  public final java.util.Map<String, ContainerResolvers.Ports> serving = new java.util.TreeMap<>();

  @Override
  public ContainerResolvers.Ports serve(String containerId, java.nio.file.Path netns) {
    return serving.computeIfAbsent(
        containerId,
        k -> new ContainerResolvers.Ports(40000 + serving.size(), 41000 + serving.size()));
  }

  @Override
  public void stopServing(String containerId) {
    serving.remove(containerId);
  }

  @Override
  public Future<Void> close() {
    listening.clear();
    return Future.succeededFuture();
  }

  /**
   * Resolves a name as a client at {@code clientIp} on {@code network} would see it (test helper).
   */
  public java.util.List<String> resolve(String network, String clientIp, String name)
      throws Exception {
    return resolve(network, clientIp, name, org.xbill.DNS.Type.A);
  }

  /** The same for another record type (AAAA, PTR). */
  public java.util.List<String> resolve(String network, String clientIp, String name, int type)
      throws Exception {
    org.xbill.DNS.Message q =
        org.xbill.DNS.Message.newQuery(
            org.xbill.DNS.Record.newRecord(
                org.xbill.DNS.Name.fromString(name, org.xbill.DNS.Name.root),
                type,
                org.xbill.DNS.DClass.IN));
    DnsResponder.Decision d =
        new DnsResponder().decide(view, network, dev.jcompose.netmgr.ipam.Ipv4.parse(clientIp), q);
    return d.response() == null
        ? java.util.List.of()
        : d.response().getSection(org.xbill.DNS.Section.ANSWER).stream()
            .map(r -> r.rdataToString())
            .toList();
  }
}
