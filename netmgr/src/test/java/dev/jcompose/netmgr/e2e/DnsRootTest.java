package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkInfo;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

@Tag("root")
class DnsRootTest extends RootFixture {

  @Test
  void lookup_nameOnSameNetwork_resolvesFromInsideNetns() {
    network("p_default", false);
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint ea = attach(a, "p_default", null, "web");
    Endpoint eb = attach(b, "p_default", null, "db", "p-db-1");

    String out = a.exec("busybox", "nslookup", "db", ea.dnsServer()).stdout();
    assertThat(out).contains(eb.ipv4Address());
    assertThat(b.exec("busybox", "nslookup", "web", eb.dnsServer()).stdout())
        .contains(ea.ipv4Address());
    assertThat(a.exec("busybox", "nslookup", eb.ipv4Address(), ea.dnsServer()).stdout())
        .contains("db");
  }

  @Test
  void lookup_fromOtherNetwork_notAnswered() {
    NetworkInfo one = network("p_one", false);
    network("p_two", false);
    TestNetns a = netns("a");
    TestNetns spy = netns("s");
    Endpoint ea = attach(a, "p_one", null, "secret");
    Endpoint es = attach(spy, "p_two", null, "spy");

    String viaOwn = spy.exec("busybox", "nslookup", "secret", es.dnsServer()).stdout();
    String viaTheirs = spy.exec("busybox", "nslookup", "secret", one.gateway()).stdout();
    assertThat(viaOwn).doesNotContain(ea.ipv4Address());
    assertThat(viaTheirs).doesNotContain(ea.ipv4Address());
  }

  @Test
  void lookup_sameNameTwice_returnsBothRotated() throws Exception {
    NetworkInfo net = network("p_rr", false);
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint ea = attach(a, "p_rr", null, "api");
    Endpoint eb = attach(b, "p_rr", null, "api");

    assertThat(a.exec("busybox", "nslookup", "api", ea.dnsServer()).stdout())
        .contains(ea.ipv4Address(), eb.ipv4Address());
    HostClient r = resolver(net.gateway());
    List<String> first =
        addresses(
            r.send(Message.newQuery(Record.newRecord(Name.fromString("api."), Type.A, DClass.IN))));
    List<String> second =
        addresses(
            r.send(Message.newQuery(Record.newRecord(Name.fromString("api."), Type.A, DClass.IN))));
    assertThat(first).containsExactlyInAnyOrder(ea.ipv4Address(), eb.ipv4Address());
    assertThat(second).containsExactly(first.get(1), first.get(0));
  }

  @Test
  void lookup_unknownName_forwardedToHostUpstream() {
    network("p_fwd", false);
    TestNetns a = netns("a");
    Endpoint ea = attach(a, "p_fwd", null, "web");

    assertThat(a.exec("busybox", "nslookup", "example.test", ea.dnsServer()).stdout())
        .contains(StubResolver.ADDRESS);
    assertThat(stub.queries.get()).isPositive();
  }

  @Test
  void lookup_latency_measured() throws Exception {
    NetworkInfo net = network("p_lat", false);
    TestNetns a = netns("a");
    attach(a, "p_lat", null, "web");
    HostClient r = resolver(net.gateway());
    Message q = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN));
    long[] samples = new long[500];
    for (int i = 0; i < samples.length; i++) {
      long t0 = System.nanoTime();
      Message m = r.send(q);
      samples[i] = System.nanoTime() - t0;
      assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    }
    Arrays.sort(samples);
    System.out.printf(
        "dns A lookup (host->gateway, dnsjava client) p50 %.3f ms p90 %.3f ms p99 %.3f ms%n",
        samples[250] / 1e6, samples[450] / 1e6, samples[495] / 1e6);
  }

  /** A UDP client bound to the gateway: the listener only answers its subnet. */
  private static HostClient resolver(String gateway) throws Exception {
    return new HostClient(gateway);
  }

  private static final class HostClient {
    private final DatagramSocket socket;
    private final InetAddress server;

    HostClient(String gateway) throws Exception {
      server = InetAddress.getByName(gateway);
      socket = new DatagramSocket(new InetSocketAddress(server, 0));
      socket.setSoTimeout(3000);
    }

    Message send(Message query) throws Exception {
      byte[] wire = query.toWire();
      socket.send(new DatagramPacket(wire, wire.length, server, 53));
      DatagramPacket p = new DatagramPacket(new byte[1500], 1500);
      socket.receive(p);
      return new Message(Arrays.copyOf(p.getData(), p.getLength()));
    }
  }

  private static List<String> addresses(Message m) {
    List<String> out = new ArrayList<>();
    for (Record rec : m.getSection(Section.ANSWER)) {
      out.add(((ARecord) rec).getAddress().getHostAddress());
    }
    return out;
  }
}
