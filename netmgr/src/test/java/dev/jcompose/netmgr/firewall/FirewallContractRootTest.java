package dev.jcompose.netmgr.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.sys.Exec;
import dev.jcompose.testkit.HostChecks;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One contract for both firewall back ends: apply twice = once, clear leaves nothing. */
@Tag("root")
class FirewallContractRootTest {
  private static final FirewallState STATE =
      new FirewallState(RulesetGoldenTest.STATE.networks(), RulesetGoldenTest.STATE.ports(), false);

  @Test
  void nft_applyTwiceThenClear_leavesNothing() {
    String table = "jcompose_fwtest";
    contract(
        new NftFirewall(table),
        () -> Exec.run(List.of("nft", "list", "ruleset"), ""),
        "table inet " + table,
        STATE,
        "172.29.0.2:80");
  }

  /**
   * IPv6 networks, gateway modes, SNAT and a named bridge: the rendered script is one nft accepts.
   */
  @Test
  void nft_ipv6AndOptions_acceptedAndCleared() {
    String table = "jcompose_fwtest";
    FirewallState options =
        new FirewallState(
            RulesetGoldenTest.OPTIONS.networks(), RulesetGoldenTest.OPTIONS.ports(), false, false);
    contract(
        new NftFirewall(table),
        () -> Exec.run(List.of("nft", "list", "ruleset"), ""),
        "table inet " + table,
        options,
        "172.29.3.2:443");
  }

  @Test
  void iptables_applyTwiceThenClear_leavesNothing() {
    contract(
        new IptablesFirewall("JCOMPOSE_FWTEST"),
        () -> Exec.run(List.of("iptables-save"), ""),
        "JCOMPOSE_FWTEST",
        STATE,
        "172.29.0.2:80");
  }

  private static void contract(
      Firewall fw, Supplier<String> dump, String marker, FirewallState state, String dnat) {
    HostChecks.egressGuard();
    try {
      fw.apply(state);
      String once = dump.get();
      fw.apply(state);
      String twice = dump.get();

      assertThat(once).contains(marker).contains(dnat);
      assertThat(count(twice, dnat)).isEqualTo(count(once, dnat));
    } finally {
      fw.clear();
    }
    assertThat(dump.get()).doesNotContain(marker);
  }

  private static int count(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }
}
