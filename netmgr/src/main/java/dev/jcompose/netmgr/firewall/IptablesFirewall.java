package dev.jcompose.netmgr.firewall;

import dev.jcompose.netmgr.sys.Exec;
import java.util.ArrayList;
import java.util.List;

/**
 * Fallback {@link Firewall} for hosts without nft: own chains filled by one {@code iptables-restore
 * --noflush} (declaring a chain there flushes it, so a re-apply replaces the rules), plus one jump
 * per built-in chain added only if missing ({@code -C} before {@code -I}).
 */
public final class IptablesFirewall implements Firewall {
  private final String prefix;

  public IptablesFirewall(String prefix) {
    this.prefix = RuleValues.table(prefix);
  }

  @Override
  public void apply(FirewallState state) {
    Exec.run(List.of("iptables-restore", "--noflush", "-w"), IptablesRuleset.render(prefix, state));
    for (String[] j : IptablesRuleset.jumps(prefix)) {
      if (Exec.tryRun(iptables(j[0], "-C", j[1], j[2]), "").exitCode() != 0) {
        Exec.run(iptables(j[0], "-I", j[1], j[2]), "");
      }
    }
  }

  @Override
  public void clear() {
    for (String[] j : IptablesRuleset.jumps(prefix)) {
      while (Exec.tryRun(iptables(j[0], "-D", j[1], j[2]), "").exitCode() == 0) {
        // delete every copy of the jump
      }
    }
    for (String[] j : IptablesRuleset.jumps(prefix)) {
      String chain = j[2].substring(j[2].lastIndexOf(' ') + 1);
      Exec.tryRun(iptables(j[0], "-F", chain, ""), "");
      Exec.tryRun(iptables(j[0], "-X", chain, ""), "");
    }
  }

  private static List<String> iptables(String table, String op, String chain, String spec) {
    List<String> cmd = new ArrayList<>(List.of("iptables", "-w", "-t", table, op, chain));
    if (!spec.isEmpty()) {
      cmd.addAll(List.of(spec.split(" ")));
    }
    return cmd;
  }
}
