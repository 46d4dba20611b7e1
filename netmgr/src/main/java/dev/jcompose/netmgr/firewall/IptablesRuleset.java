package dev.jcompose.netmgr.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The same rules as {@link NftRuleset} for hosts without nft, as {@code iptables-restore --noflush}
 * (and {@code ip6tables-restore}) input using own chains {@code
 * <PREFIX>-RAW/-DNAT/-OUT/-FWD/-MASQ}; the jumps from the built-in chains are {@link #jumps}. Pure
 * text.
 */
public final class IptablesRuleset {
  private IptablesRuleset() {}

  /** Built-in chain per table -> jump rule spec (without -A/-I), in a stable order. */
  public static List<String[]> jumps(String prefix, boolean v6) {
    return List.of(
        new String[] {"raw", "PREROUTING", "-j " + prefix + "-RAW"},
        new String[] {"nat", "PREROUTING", "-m addrtype --dst-type LOCAL -j " + prefix + "-DNAT"},
        new String[] {
          "nat",
          "OUTPUT",
          (v6 ? "" : "! -d 127.0.0.0/8 ") + "-m addrtype --dst-type LOCAL -j " + prefix + "-OUT"
        },
        new String[] {"nat", "POSTROUTING", "-j " + prefix + "-MASQ"},
        new String[] {"filter", "FORWARD", "-j " + prefix + "-FWD"});
  }

  /** The IPv4 rules (iptables-restore input). */
  public static String render(String prefix, FirewallState s) {
    return render(prefix, s, false);
  }

  /** The rules of one family: IPv4 for iptables-restore, IPv6 for ip6tables-restore. */
  public static String render(String prefix, FirewallState s, boolean v6) {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    List<String> raw = table(tables, "raw", prefix + "-RAW");
    List<String> nat = table(tables, "nat", prefix + "-DNAT", prefix + "-OUT", prefix + "-MASQ");
    List<String> filter = table(tables, "filter", prefix + "-FWD");
    raw.add("-A " + prefix + "-RAW -i lo -j RETURN");
    nat.add("-A " + prefix + "-MASQ -o lo -j RETURN");
    for (FirewallState.Net n : s.networks()) {
      String subnet = v6 ? n.subnet6() : n.subnet();
      String mode = v6 ? n.mode6() : n.mode4();
      if (subnet != null && (mode.equals("nat") || mode.equals("isolated"))) {
        raw.add("-A " + prefix + "-RAW -d " + subnet + " ! -i " + n.bridge() + " -j DROP");
      }
      if (subnet != null && !n.internal() && n.masquerade() && !mode.equals("routed")) {
        String snat = v6 ? n.snat6() : n.snat4();
        nat.add(
            "-A "
                + prefix
                + "-MASQ -s "
                + subnet
                + " ! -o "
                + n.bridge()
                + " -j "
                + (snat == null ? "MASQUERADE" : "SNAT --to-source " + snat));
      }
      forward(prefix + "-FWD", n, v6, s, filter);
    }
    if (v6 ? s.guardForwarding6() : s.guardForwarding()) {
      // bridges named by com.docker.network.bridge.name are jcompose's too, though not jcb+
      s.networks().stream()
          .map(FirewallState.Net::bridge)
          .filter(b -> !b.startsWith("jcb"))
          .sorted()
          .forEach(
              b -> {
                filter.add("-A " + prefix + "-FWD -i " + b + " -j RETURN");
                filter.add("-A " + prefix + "-FWD -o " + b + " -j RETURN");
              });
      filter.add("-A " + prefix + "-FWD ! -i jcb+ ! -o jcb+ -j DROP");
    }
    for (FirewallState.Port p : v6 ? List.<FirewallState.Port>of() : s.ports()) {
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

  private static void forward(
      String chain, FirewallState.Net n, boolean v6, FirewallState s, List<String> f) {
    String br = n.bridge();
    if (n.internal()) {
      f.add("-A " + chain + " -i " + br + " ! -o " + br + " -j DROP");
      f.add("-A " + chain + " -o " + br + " ! -i " + br + " -j DROP");
      return;
    }
    String mode = v6 ? n.mode6() : n.mode4();
    f.add("-A " + chain + " -i " + br + " -o " + br + " -j ACCEPT");
    f.add("-A " + chain + " -i " + br + " -o jcb+ -j DROP");
    s.networks().stream()
        .filter(o -> !o.bridge().startsWith("jcb") && !o.bridge().equals(br))
        .forEach(o -> f.add("-A " + chain + " -i " + br + " -o " + o.bridge() + " -j DROP"));
    f.add("-A " + chain + " -o " + br + " -m conntrack --ctstate DNAT -j ACCEPT");
    f.add("-A " + chain + " -o " + br + " -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT");
    if (mode.equals("nat-unprotected")) {
      f.add("-A " + chain + " -o " + br + " -j ACCEPT");
    }
    if (mode.equals("routed")) {
      f.add(
          "-A "
              + chain
              + " -o "
              + br
              + " -p "
              + (v6 ? "ipv6-icmp --icmpv6-type echo-request" : "icmp --icmp-type echo-request")
              + " -j ACCEPT");
      for (FirewallState.Port p : v6 ? List.<FirewallState.Port>of() : s.ports()) {
        if (p.bridge().equals(br)) {
          f.add(
              "-A "
                  + chain
                  + " -o "
                  + br
                  + " -d "
                  + p.containerIp()
                  + " -p "
                  + p.protocol()
                  + " --dport "
                  + p.containerPort()
                  + " -j ACCEPT");
        }
      }
    }
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
