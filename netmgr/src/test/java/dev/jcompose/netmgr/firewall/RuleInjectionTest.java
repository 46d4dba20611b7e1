package dev.jcompose.netmgr.firewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * nft and iptables-restore read text: no value that could end a string, a statement or a line can
 * reach a rendered rule set, whatever the caller passes.
 */
@Tag("security")
class RuleInjectionTest {

  @Test
  void networkName_closingTheCommentAndAddingARule_isRefused() {
    assertThatThrownBy(
            () ->
                new FirewallState.Net(
                    "x\" accept\n\tchain evil { }\n#", "jcb0000000001", "172.29.0.0/24", false))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("refusing network name");
  }

  @Test
  void bridgeSubnetAndPortValues_outsideTheirForms_areRefused() {
    assertThatThrownBy(
            () -> new FirewallState.Net("p_default", "jcb0\" accept", "172.29.0.0/24", false))
        .hasMessageContaining("refusing interface name");
    assertThatThrownBy(
            () ->
                new FirewallState.Net("p_default", "jcb0000000001", "172.29.0.0/24 accept", false))
        .isInstanceOf(NetworkException.class);
    assertThatThrownBy(
            () ->
                new FirewallState.Port(
                    "1.2.3.4 accept", 80, "tcp", "172.29.0.2", 80, "jcb0000000001"))
        .isInstanceOf(NetworkException.class);
    assertThatThrownBy(
            () ->
                new FirewallState.Port(
                    "", 80, "tcp dport 1 accept", "172.29.0.2", 80, "jcb0000000001"))
        .hasMessageContaining("refusing protocol");
    assertThatThrownBy(
            () -> new FirewallState.Port("", 0, "tcp", "172.29.0.2", 80, "jcb0000000001"))
        .hasMessageContaining("out of range");
  }

  @Test
  void tableName_withSpacesOrQuotes_isRefused() {
    assertThatThrownBy(() -> new NftFirewall("jcompose; flush ruleset"))
        .hasMessageContaining("refusing table name");
    assertThatThrownBy(() -> new IptablesFirewall("JCOMPOSE -j ACCEPT"))
        .hasMessageContaining("refusing table name");
  }

  @Test
  void acceptedValues_renderOneRulePerLine() {
    FirewallState s =
        new FirewallState(
            List.of(new FirewallState.Net("p.back-1_x", "jcb0000000002", "172.29.1.0/24", false)),
            List.of(
                new FirewallState.Port(
                    "192.0.2.2", 5353, "udp", "172.29.1.2", 53, "jcb0000000002")),
            false);

    String nft = NftRuleset.render("jcompose-0a1b2c3d", s);

    assertThat(nft)
        .startsWith("table inet jcompose-0a1b2c3d {")
        .contains("comment \"outbound p.back-1_x\"");
    assertThat(nft.lines()).allMatch(l -> l.chars().filter(c -> c == '"').count() % 2 == 0);
  }
}
