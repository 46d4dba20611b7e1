package dev.jcompose.netmgr.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.ipam.Ipv4;
import dev.jcompose.netmgr.state.EndpointRecord;
import dev.jcompose.netmgr.state.NetworkRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class DnsResponderTest {
  private static final DnsView VIEW =
      DnsView.of(
          List.of(
              net("p_default", "172.29.0.0/24", false),
              net("p_other", "172.29.1.0/24", false),
              net("p_back", "172.29.2.0/24", true)),
          List.of(
              ep("web1", "p_default", "172.29.0.2", List.of("web", "p-web-1")),
              ep("web2", "p_default", "172.29.0.3", List.of("web", "p-web-2")),
              ep("db", "p_default", "172.29.0.4", List.of("DB")),
              ep("db", "p_back", "172.29.2.2", List.of("db")),
              ep("spy", "p_other", "172.29.1.2", List.of("spy")),
              ep("worker", "p_back", "172.29.2.3", List.of("worker"))));
  private final DnsResponder responder = new DnsResponder();

  @Test
  void a_nameWithTwoEndpoints_returnsBothRotated() throws Exception {
    List<String> first = answers(ask("p_default", "172.29.0.4", "web.", Type.A));
    List<String> second = answers(ask("p_default", "172.29.0.4", "web.", Type.A));

    assertThat(first).containsExactlyInAnyOrder("172.29.0.2", "172.29.0.3");
    assertThat(second).containsExactly(first.get(1), first.get(0));
  }

  @Test
  void a_caseInsensitiveAndNetworkSuffix_resolve() throws Exception {
    assertThat(answers(ask("p_default", "172.29.0.2", "Db.", Type.A)))
        .containsExactly("172.29.0.4");
    assertThat(answers(ask("p_default", "172.29.0.2", "db.p_default.", Type.A)))
        .containsExactly("172.29.0.4");
  }

  @Test
  void aaaa_knownIpv4OnlyName_noErrorEmpty() throws Exception {
    Message m = ask("p_default", "172.29.0.2", "web.", Type.AAAA).response();

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
  }

  @Test
  void a_unknownName_forwarded() throws Exception {
    DnsResponder.Decision d = ask("p_default", "172.29.0.2", "example.com.", Type.A);

    assertThat(d.forward()).isTrue();
  }

  @Test
  void a_unknownNameFromContainerWithOwnDns_forwardedToItsServers() throws Exception {
    DnsView view =
        DnsView.of(
            List.of(net("p_default", "172.29.0.0/24", false)),
            List.of(
                new EndpointRecord(
                    "c",
                    "p_default",
                    "h",
                    "eth0",
                    "172.29.0.7",
                    24,
                    "gw",
                    "mac",
                    List.of("c"),
                    List.of("9.9.9.9"))));
    Message q =
        Message.newQuery(Record.newRecord(Name.fromString("example.com."), Type.A, DClass.IN));

    assertThat(responder.decide(view, "p_default", Ipv4.parse("172.29.0.7"), q).servers())
        .containsExactly("9.9.9.9");
  }

  @Test
  void a_unknownNameFromInternalOnlyClient_nxdomainNotForwarded() throws Exception {
    DnsResponder.Decision d = ask("p_back", "172.29.2.3", "example.com.", Type.A);

    assertThat(d.forward()).isFalse();
    assertThat(d.response().getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void a_nameOnOtherNetwork_invisibleToClient() throws Exception {
    DnsResponder.Decision d = ask("p_other", "172.29.1.2", "web.", Type.A);

    assertThat(d.forward()).isTrue();
    assertThat(d.response()).isNull();
  }

  @Test
  void a_clientOutsideListenersSubnet_refused() throws Exception {
    assertThat(ask("p_default", "172.29.1.2", "web.", Type.A).response().getRcode())
        .isEqualTo(Rcode.REFUSED);
  }

  @Test
  void a_containerOnTwoNetworks_seesNamesOfBoth() throws Exception {
    assertThat(answers(ask("p_default", "172.29.0.4", "worker.", Type.A)))
        .containsExactly("172.29.2.3");
  }

  @Test
  void ptr_containerAddress_firstName() throws Exception {
    Message m =
        ask("p_default", "172.29.0.4", ReverseMap.fromAddress("172.29.0.3").toString(), Type.PTR)
            .response();

    assertThat(((PTRRecord) m.getSection(Section.ANSWER).get(0)).getTarget()).hasToString("web.");
  }

  @Test
  void ptr_unusedAddressInOurSubnet_nxdomain() throws Exception {
    Message m =
        ask("p_default", "172.29.0.4", ReverseMap.fromAddress("172.29.0.99").toString(), Type.PTR)
            .response();

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void reply_keepsIdAndQuestion() throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString("web."), Type.A, DClass.IN));
    Message m = responder.decide(VIEW, "p_default", Ipv4.parse("172.29.0.2"), q).response();

    assertThat(m.getHeader().getID()).isEqualTo(q.getHeader().getID());
    assertThat(m.getQuestion()).isEqualTo(q.getQuestion());
    assertThat(m.getSection(Section.ANSWER).get(0).getTTL()).isZero();
  }

  private DnsResponder.Decision ask(String listener, String client, String name, int type)
      throws Exception {
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    return responder.decide(VIEW, listener, Ipv4.parse(client), q);
  }

  private static List<String> answers(DnsResponder.Decision d) {
    List<String> out = new ArrayList<>();
    d.response()
        .getSection(Section.ANSWER)
        .forEach(r -> out.add(((ARecord) r).getAddress().getHostAddress()));
    return out;
  }

  private static NetworkRecord net(String name, String subnet, boolean internal) {
    return NetworkRecord.bridge(
        name, "jcb-" + name, subnet, null, subnet.replace("0/24", "1"), internal, 1500, Map.of());
  }

  private static EndpointRecord ep(
      String container, String network, String ip, List<String> names) {
    return new EndpointRecord(
        container, network, "jcv-" + container, "eth0", ip, 24, "gw", "mac", names, List.of());
  }
}
