package dev.jcompose.netmgr.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The byte-level answer must be exactly what the dnsjava path sends for the same query, and must
 * leave every other query to that path.
 */
class DnsFastAnswerTest {
  private static final DnsView VIEW =
      DnsView.of(
          List.of(net("p_default", "172.29.0.0/24", false), net("p_back", "172.29.2.0/24", true)),
          List.of(
              ep("web1", "p_default", "172.29.0.2", "fd00::2", List.of("web", "p-web-1")),
              ep("web2", "p_default", "172.29.0.3", "fd00::3", List.of("web", "p-web-2")),
              ep("db", "p_default", "172.29.0.4", null, List.of("DB")),
              ep("db", "p_back", "172.29.2.2", null, List.of("db")),
              ep("worker", "p_back", "172.29.2.3", null, List.of("worker"))));

  @Test
  void a_and_aaaa_sameBytesAsTheFullPath() throws Exception {
    for (String name : List.of("web.", "WeB.", "db.", "db.p_default.", "p-web-1.")) {
      for (int type : List.of(Type.A, Type.AAAA)) {
        for (boolean edns : List.of(false, true)) {
          byte[] q = query(name, type, edns, true);
          assertThat(fast("db", q)).as("%s %s edns=%s", name, type, edns).isEqualTo(full("db", q));
        }
      }
    }
  }

  @Test
  void rotation_sharedWithTheFullPath_advancesPerQuery() throws Exception {
    DnsResponder responder = new DnsResponder();
    byte[] q = query("web.", Type.A, false, true);
    byte[] first = DnsFastAnswer.answer(responder, VIEW.visibleToContainer("db"), q, false);
    byte[] second = DnsFastAnswer.answer(responder, VIEW.visibleToContainer("db"), q, false);

    List<String> a = addresses(first);
    assertThat(a).containsExactlyInAnyOrder("172.29.0.2", "172.29.0.3");
    assertThat(addresses(second)).containsExactly(a.get(1), a.get(0));
  }

  @Test
  void recursionDesiredClear_echoedClear() throws Exception {
    byte[] q = query("web.", Type.A, false, false);

    assertThat(fast("db", q)).isEqualTo(full("db", q));
    assertThat(new Message(fast("db", q)).getHeader().getFlag(Flags.RD)).isFalse();
  }

  @Test
  void otherQueries_leftToTheFullPath() throws Exception {
    List<byte[]> others =
        List.of(
            query("example.com.", Type.A, false, true), // unknown: forwarded
            query("worker.", Type.A, false, true), // on a network web1 does not see
            query("web.", Type.ANY, false, true),
            query("web.", Type.MX, false, true),
            query("web.", Type.PTR, false, true),
            query("we b.", Type.A, false, true), // escaped by dnsjava's printing
            query(".", Type.A, false, true),
            new byte[] {1, 2, 3});
    for (byte[] q : others) {
      assertThat(
              DnsFastAnswer.answer(new DnsResponder(), VIEW.visibleToContainer("web1"), q, false))
          .isNull();
    }
    assertThat(
            DnsFastAnswer.answer(
                new DnsResponder(), List.of(), query("web.", Type.A, false, true), false))
        .as("a client the view does not know")
        .isNull();
  }

  @Test
  void malformed_leftToTheFullPath() throws Exception {
    byte[] q = query("web.", Type.A, true, true);
    byte[] response = q.clone();
    response[2] |= (byte) 0x80;
    byte[] truncatedOpt = java.util.Arrays.copyOf(q, q.length - 1);
    byte[] trailing = java.util.Arrays.copyOf(query("web.", Type.A, false, true), 40);
    byte[] pointer = query("web.", Type.A, false, true);
    pointer[12] = (byte) 0xC0;
    for (byte[] bad : List.of(response, truncatedOpt, trailing, pointer)) {
      assertThat(
              DnsFastAnswer.answer(new DnsResponder(), VIEW.visibleToContainer("db"), bad, false))
          .isNull();
    }
  }

  @Test
  void ednsVersionAboveZero_leftToTheFullPath() throws Exception {
    Message m = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN));
    m.addRecord(new OPTRecord(1232, 0, 1), Section.ADDITIONAL);

    assertThat(
            DnsFastAnswer.answer(
                new DnsResponder(), VIEW.visibleToContainer("db"), m.toWire(), false))
        .isNull();
  }

  @Test
  void answerOverTheClientsSize_leftToTheFullPath_whichTruncates() throws Exception {
    List<EndpointRecord> many = new java.util.ArrayList<>();
    for (int i = 2; i < 60; i++) {
      many.add(ep("c" + i, "p_default", "172.29.0." + i, null, List.of("many")));
    }
    DnsView view = DnsView.of(List.of(net("p_default", "172.29.0.0/24", false)), many);
    byte[] q = query("many.", Type.A, false, true); // 58 * 16 bytes > 512

    assertThat(DnsFastAnswer.answer(new DnsResponder(), view.visibleToContainer("c2"), q, false))
        .isNull();
    assertThat(DnsFastAnswer.answer(new DnsResponder(), view.visibleToContainer("c2"), q, true))
        .isNotNull();
  }

  private static byte[] fast(String container, byte[] q) {
    return DnsFastAnswer.answer(new DnsResponder(), VIEW.visibleToContainer(container), q, false);
  }

  private static byte[] full(String container, byte[] q) throws Exception {
    Message query = new Message(q);
    DnsResponder.Decision d = new DnsResponder().decideFor(VIEW, container, query);
    assertThat(d.forward()).isFalse();
    return DnsWire.udp(d.response(), DnsWire.udpLimit(query));
  }

  private static byte[] query(String name, int type, boolean edns, boolean rd) throws Exception {
    Message m = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    m.getHeader().setID(0x1234);
    if (!rd) {
      m.getHeader().unsetFlag(Flags.RD);
    }
    if (edns) {
      m.addRecord(new OPTRecord(4096, 0, 0), Section.ADDITIONAL);
    }
    return m.toWire();
  }

  private static List<String> addresses(byte[] answer) throws Exception {
    return new Message(answer)
        .getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).toList();
  }

  private static NetworkRecord net(String name, String subnet, boolean internal) {
    return NetworkRecord.bridge(
        name, "jcb-" + name, subnet, null, subnet.replace("0/24", "1"), internal, 1500, Map.of());
  }

  private static EndpointRecord ep(
      String container, String network, String ip, String ip6, List<String> names) {
    return new EndpointRecord(
        container,
        network,
        "jcv-" + container,
        "eth0",
        ip,
        24,
        "gw",
        "mac",
        names,
        List.of(),
        ip6 == null ? null : new EndpointRecord.V6(ip6, 64, null),
        null);
  }
}
