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
        "table ip " + table);
  }

  @Test
  void iptables_applyTwiceThenClear_leavesNothing() {
    contract(
        new IptablesFirewall("JCOMPOSE_FWTEST"),
        () -> Exec.run(List.of("iptables-save"), ""),
        "JCOMPOSE_FWTEST");
  }

  private static void contract(Firewall fw, Supplier<String> dump, String marker) {
    HostChecks.egressGuard();
    try {
      fw.apply(STATE);
      String once = dump.get();
      fw.apply(STATE);
      String twice = dump.get();

      assertThat(once).contains(marker).contains("172.29.0.2");
      assertThat(count(twice, "172.29.0.2:80")).isEqualTo(count(once, "172.29.0.2:80"));
    } finally {
      fw.clear();
    }
    assertThat(dump.get()).doesNotContain(marker);
  }

  private static int count(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }
}
