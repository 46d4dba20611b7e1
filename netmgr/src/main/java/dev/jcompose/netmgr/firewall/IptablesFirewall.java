package dev.jcompose.netmgr.firewall;

import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fallback {@link Firewall} for hosts without nft: own chains filled by one {@code iptables-restore
 * --noflush} per family (declaring a chain there flushes it, so a re-apply replaces the rules),
 * plus one jump per built-in chain added only if missing ({@code -C} before {@code -I}). IPv6 rules
 * go through {@code ip6tables} once a network has an IPv6 subnet.
 */
public final class IptablesFirewall implements Firewall {
  private final String prefix;

  public IptablesFirewall(String prefix) {
    this.prefix = RuleValues.table(prefix);
  }

  @Override
  public void apply(FirewallState state) {
    apply("iptables", IptablesRuleset.render(prefix, state, false), false);
    boolean v6 =
        state.guardForwarding6() || state.networks().stream().anyMatch(n -> n.subnet6() != null);
    if (v6) {
      apply("ip6tables", IptablesRuleset.render(prefix, state, true), true);
    }
  }

  private void apply(String tool, String rules, boolean v6) {
    Exec.run(List.of(tool + "-restore", "--noflush", "-w"), rules);
    for (String[] j : IptablesRuleset.jumps(prefix, v6)) {
      if (Exec.tryRun(command(tool, j[0], "-C", j[1], j[2]), "").exitCode() != 0) {
        Exec.run(command(tool, j[0], "-I", j[1], j[2]), "");
      }
    }
  }

  @Override
  public void clear() {
    for (String tool : List.of("iptables", "ip6tables")) {
      List<String[]> jumps = IptablesRuleset.jumps(prefix, tool.equals("ip6tables"));
      for (String[] j : jumps) {
        while (Exec.tryRun(command(tool, j[0], "-D", j[1], j[2]), "").exitCode() == 0) {
          // delete every copy of the jump
        }
      }
      for (String[] j : jumps) {
        String chain = j[2].substring(j[2].lastIndexOf(' ') + 1);
        Exec.tryRun(command(tool, j[0], "-F", chain, ""), "");
        Exec.tryRun(command(tool, j[0], "-X", chain, ""), "");
      }
    }
  }

  @Override
  public void redirectDns(Path netns, int udpPort, int tcpPort) {
    Exec.run(
        DnsRedirect.nsenter(netns, List.of("iptables-restore", "-w")),
        DnsRedirect.iptables(udpPort, tcpPort));
  }

  private static List<String> command(
      String tool, String table, String op, String chain, String spec) {
    List<String> cmd = new ArrayList<>(List.of(tool, "-w", "-t", table, op, chain));
    if (!spec.isEmpty()) {
      cmd.addAll(List.of(spec.split(" ")));
    }
    return cmd;
  }
}
