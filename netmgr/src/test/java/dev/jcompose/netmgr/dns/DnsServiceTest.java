package dev.jcompose.netmgr.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetworkRecord;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The real listener and forwarder on loopback (a "network" 127.0.0.0/8): no root needed. */
class DnsServiceTest {
  private Vertx vertx;
  private DnsService dns;
  private UpstreamStub upstream;
  private int port;
  private int upstreamPort;
  private List<SocketAddress> upstreams;

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    port = freePort();
    upstreamPort = freePort();
    upstream = new UpstreamStub(vertx, upstreamPort);
    upstreams = List.of(SocketAddress.inetSocketAddress(upstreamPort, "127.0.0.1"));
    dns = new DnsService(vertx, port, () -> upstreams);
    dns.update(
        DnsView.of(
            List.of(
                NetworkRecord.bridge(
                    "lo_net", "lo", "127.0.0.0/8", null, "127.0.0.1", false, 1500, Map.of())),
            List.of(
                new EndpointRecord(
                    "c1",
                    "lo_net",
                    "x",
                    "eth0",
                    "127.0.0.5",
                    8,
                    "127.0.0.1",
                    "m",
                    List.of("web"),
                    List.of()))));
    dns.listen("lo_net", "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void tearDown() throws Exception {
    dns.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    upstream.close();
    vertx.close();
  }

  @Test
  void udp_localName_answered() throws Exception {
    Message m = udp(query("web.", false));

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::rdataToString)
        .containsExactly("127.0.0.5");
  }

  @Test
  void tcp_localName_answered() throws Exception {
    assertThat(tcp(query("web.", false)).getSection(Section.ANSWER)).hasSize(1);
  }

  @Test
  void udp_records_changeWithoutRestart() throws Exception {
    dns.update(DnsView.empty());

    assertThat(udp(query("web.", false)).getRcode()).isEqualTo(Rcode.REFUSED);
  }

  @Test
  void udp_unknownName_forwardedWithEdnsIntact() throws Exception {
    Message m = udp(query("one.test.", true));

    assertThat(m.getSection(Section.ANSWER))
        .extracting(Record::rdataToString)
        .containsExactly("10.0.1.1");
    assertThat(upstream.queriesWithEdns.get()).isEqualTo(1);
    assertThat(udp(query("nowhere.test.", false)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void udp_truncatedUpstream_retriedOverTcpAndFitToClient() throws Exception {
    Message withEdns = udp(query("big.test.", true));
    Message plain = udp(query("big.test.", false));

    assertThat(withEdns.getSection(Section.ANSWER)).hasSize(60);
    assertThat(withEdns.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(plain.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(upstream.tcpQueries.get()).isEqualTo(2);
  }

  @Test
  void udp_upstreamDown_servfail() throws Exception {
    upstreams = List.of(SocketAddress.inetSocketAddress(freePort(), "127.0.0.1"));

    assertThat(udp(query("one.test.", false)).getRcode()).isEqualTo(Rcode.SERVFAIL);
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void tcp_queryOverTheSizeLimit_formerrNotForwarded() throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString("one.test."), Type.A, DClass.IN));
    q.addRecord(
        new OPTRecord(
            4096, 0, 0, 0, List.of(new org.xbill.DNS.GenericEDNSOption(12, new byte[5000]))),
        Section.ADDITIONAL);

    Message m = tcp(q);

    assertThat(m.getHeader().getID()).isEqualTo(q.getHeader().getID());
    assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
    assertThat(upstream.tcpQueries.get() + upstream.udpQueries.get()).isZero();
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void tcp_emptyFrame_closesTheConnection() throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      new DataOutputStream(s.getOutputStream()).writeShort(0);

      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  private static Message query(String name, boolean edns) throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name), Type.A, DClass.IN));
    if (edns) {
      q.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
    }
    return q;
  }

  private Message udp(Message q) throws Exception {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(8000);
      byte[] wire = q.toWire();
      s.send(new DatagramPacket(wire, wire.length, InetAddress.getLoopbackAddress(), port));
      DatagramPacket p = new DatagramPacket(new byte[65535], 65535);
      s.receive(p);
      return new Message(Arrays.copyOf(p.getData(), p.getLength()));
    }
  }

  private Message tcp(Message q) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(5000);
      byte[] wire = q.toWire();
      DataOutputStream out = new DataOutputStream(s.getOutputStream());
      out.writeShort(wire.length);
      out.write(wire);
      DataInputStream in = new DataInputStream(s.getInputStream());
      byte[] answer = new byte[in.readUnsignedShort()];
      in.readFully(answer);
      return new Message(answer);
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
