package dev.jcompose.netmgr.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same rules as {@link NftRuleset} for hosts without nft, as {@code iptables-restore --noflush}
 * input using own chains {@code <PREFIX>-RAW/-DNAT/-OUT/-FWD/-MASQ}; the jumps from the built-in
 * chains are {@link #jumps}. Pure text.
 */
public final class IptablesRuleset {
  private IptablesRuleset() {}

  /** Built-in chain per table -> jump rule spec (without -A/-I), in a stable order. */
  public static List<String[]> jumps(String prefix) {
    return List.of(
        new String[] {"raw", "PREROUTING", "-j " + prefix + "-RAW"},
        new String[] {"nat", "PREROUTING", "-m addrtype --dst-type LOCAL -j " + prefix + "-DNAT"},
        new String[] {
          "nat", "OUTPUT", "! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j " + prefix + "-OUT"
        },
        new String[] {"nat", "POSTROUTING", "-j " + prefix + "-MASQ"},
        new String[] {"filter", "FORWARD", "-j " + prefix + "-FWD"});
  }

  public static String render(String prefix, FirewallState s) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> raw = table(tables, "raw", prefix + "-RAW");
    List<String> nat = table(tables, "nat", prefix + "-DNAT", prefix + "-OUT", prefix + "-MASQ");
    List<String> filter = table(tables, "filter", prefix + "-FWD");
    raw.add("-A " + prefix + "-RAW -i lo -j RETURN");
    nat.add("-A " + prefix + "-MASQ -o lo -j RETURN");
    for (FirewallState.Net n : s.networks()) {
      raw.add("-A " + prefix + "-RAW -d " + n.subnet() + " ! -i " + n.bridge() + " -j DROP");
      if (!n.internal()) {
        nat.add(
            "-A " + prefix + "-MASQ -s " + n.subnet() + " ! -o " + n.bridge() + " -j MASQUERADE");
      }
      forward(prefix + "-FWD", n, filter);
    }
    if (s.guardForwarding()) {
      filter.add("-A " + prefix + "-FWD ! -i jcb+ ! -o jcb+ -j DROP");
    }
    for (FirewallState.Port p : s.ports()) {
      if (!NftRuleset.loopback(p)) {
        String match =
            (NftRuleset.anyAddress(p.hostIp()) ? "" : "-d " + p.hostIp() + " ")
                + "-p "
                + p.protocol()
                + " --dport "
                + p.hostPort()
                + " -j DNAT --to-destination "
                + p.containerIp()
                + ":"
                + p.containerPort();
        nat.add("-A " + prefix + "-DNAT ! -i " + p.bridge() + " " + match);
        nat.add("-A " + prefix + "-OUT " + match);
      }
    }
    StringBuilder out = new StringBuilder();
    tables.forEach(
        (t, lines) ->
            out.append('*')
                .append(t)
                .append('\n')
                .append(String.join("\n", lines))
                .append("\nCOMMIT\n"));
    return out.toString();
  }

  private static void forward(String chain, FirewallState.Net n, List<String> f) {
    String br = n.bridge();
    if (n.internal()) {
      f.add("-A " + chain + " -i " + br + " ! -o " + br + " -j DROP");
      f.add("-A " + chain + " -o " + br + " ! -i " + br + " -j DROP");
      return;
    }
    f.add("-A " + chain + " -i " + br + " -o " + br + " -j ACCEPT");
    f.add("-A " + chain + " -i " + br + " -o jcb+ -j DROP");
    f.add("-A " + chain + " -o " + br + " -m conntrack --ctstate DNAT -j ACCEPT");
    f.add("-A " + chain + " -o " + br + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    f.add("-A " + chain + " -o " + br + " -j DROP");
    f.add("-A " + chain + " -i " + br + " -j ACCEPT");
  }

  private static List<String> table(
      Map<String, List<String>> tables, String name, String... chains) {
    List<String> lines = new ArrayList<>();
    for (String c : chains) {
      lines.add(":" + c + " - [0:0]");
    }
    tables.put(name, lines);
    return lines;
  }
}
