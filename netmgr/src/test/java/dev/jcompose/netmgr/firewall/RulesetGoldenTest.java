package dev.jcompose.netmgr.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole rule set for a fixed state compared with golden text (moby keeps the same kind of
 * golden files for its iptables/nftables bridge driver). A diff here is a behaviour change: review
 * it, then update the file under src/test/resources/golden.
 */
class RulesetGoldenTest {
  static final FirewallState STATE =
      new FirewallState(
          List.of(
              new FirewallState.Net("p_back", "jcb0000000002", "172.29.1.0/24", true),
              new FirewallState.Net("p_default", "jcb0000000001", "172.29.0.0/24", false)),
          List.of(
              new FirewallState.Port("", 8080, "tcp", "172.29.0.2", 80, "jcb0000000001"),
              new FirewallState.Port("127.0.0.1", 5432, "tcp", "172.29.0.3", 5432, "jcb0000000001"),
              new FirewallState.Port("192.0.2.2", 5353, "udp", "172.29.0.2", 53, "jcb0000000001")),
          true);

  @Test
  void nft_twoNetworksThreePorts_matchesGolden() throws IOException {
    assertThat(NftRuleset.render("jcompose", STATE)).isEqualTo(golden("nft-two-networks.txt"));
  }

  @Test
  void iptables_twoNetworksThreePorts_matchesGolden() throws IOException {
    assertThat(IptablesRuleset.render("JCOMPOSE", STATE))
        .isEqualTo(golden("iptables-two-networks.txt"));
  }

  /** IPv6, a custom bridge name and each gateway mode and masquerade option once. */
  static final FirewallState OPTIONS =
      new FirewallState(
          List.of(
              new FirewallState.Net(
                  "p_routed",
                  "jcb0000000003",
                  "172.29.3.0/24",
                  "fd01:2345:6789:3::/64",
                  false,
                  true,
                  null,
                  null,
                  "routed",
                  "routed"),
              new FirewallState.Net(
                  "p_snat",
                  "br-lan",
                  "172.29.4.0/24",
                  "fd01:2345:6789:4::/64",
                  false,
                  true,
                  "192.0.2.10",
                  "fd00::10",
                  "nat",
                  "nat-unprotected"),
              new FirewallState.Net(
                  "p_nomasq",
                  "jcb0000000005",
                  "172.29.5.0/24",
                  null,
                  false,
                  false,
                  null,
                  null,
                  "nat",
                  "nat")),
          List.of(new FirewallState.Port("", 8443, "tcp", "172.29.3.2", 443, "jcb0000000003")),
          true,
          true);

  @Test
  void nft_ipv6AndOptions_matchesGolden() throws IOException {
    assertThat(NftRuleset.render("jcompose", OPTIONS)).isEqualTo(golden("nft-ipv6-options.txt"));
  }

  @Test
  void iptables_ipv6AndOptions_bothFamiliesMatchGolden() throws IOException {
    assertThat(
            IptablesRuleset.render("JCOMPOSE", OPTIONS, false)
                + "# ip6tables\n"
                + IptablesRuleset.render("JCOMPOSE", OPTIONS, true))
        .isEqualTo(golden("iptables-ipv6-options.txt"));
  }

  @Test
  void nft_noPortsNoGuard_hasNoDnatNorGuard() {
    FirewallState s = new FirewallState(List.of(STATE.networks().get(1)), List.of(), false);

    assertThat(NftRuleset.render("jcompose", s))
        .doesNotContain("dnat ip to")
        .doesNotContain("forwarding enabled for jcompose only");
  }

  static String golden(String name) throws IOException {
    try (InputStream in = RulesetGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
