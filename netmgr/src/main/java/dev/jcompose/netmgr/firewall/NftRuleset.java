package dev.jcompose.netmgr.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Renders {@link FirewallState} as an nftables script for table {@code inet <table>}: one table for
 * both families, so an IPv6 network gets the same isolation, NAT and guard as an IPv4 one. Pure
 * text; {@link NftFirewall} loads it in one transaction. Chains follow moby's nftables bridge
 * driver and netavark in spirit (raw anti-spoof, dstnat for published ports, filter forward for
 * isolation, srcnat masquerade), written from the rules' meaning, not copied. Gateway modes as
 * moby's bridge driver documents them: {@code nat} (the default) masquerades and accepts nothing
 * unsolicited from outside but published ports; {@code nat-unprotected} also accepts direct access
 * to every container port; {@code routed} does not masquerade and accepts direct access to
 * published container ports only; {@code isolated} (internal networks) has no gateway at all.
 */
public final class NftRuleset {
  static final String BRIDGE_WILDCARD = "\"jcb*\"";

  private NftRuleset() {}

  public static String render(String table, FirewallState s) {
    StringBuilder out = new StringBuilder("table inet " + table + " {\n");
    chain(
        out,
        "raw_prerouting",
        "type filter hook prerouting priority -300; policy accept;",
        r ->
            s.networks()
                .forEach(
                    n -> {
                      if (protectedFromOutside(n.mode4())) {
                        r.accept(
                            "iifname != { \"lo\", \""
                                + n.bridge()
                                + "\" } ip daddr "
                                + n.subnet()
                                + " drop comment \"direct access "
                                + n.name()
                                + "\"");
                      }
                      if (n.subnet6() != null && protectedFromOutside(n.mode6())) {
                        r.accept(
                            "iifname != { \"lo\", \""
                                + n.bridge()
                                + "\" } ip6 daddr "
                                + n.subnet6()
                                + " drop comment \"direct access "
                                + n.name()
                                + "\"");
                      }
                    }));
    chain(
        out,
        "nat_prerouting",
        "type nat hook prerouting priority -100; policy accept;",
        r ->
            s.ports().stream()
                .filter(p -> !loopback(p))
                .forEach(
                    p ->
                        r.accept(
                            (anyAddress(p.hostIp()) ? "meta nfproto ipv4 " : "")
                                + dest(p)
                                + "iifname != \""
                                + p.bridge()
                                + "\" "
                                + dnat(p))));
    chain(
        out,
        "nat_output",
        "type nat hook output priority -100; policy accept;",
        r ->
            s.ports().stream()
                .filter(p -> !loopback(p))
                .forEach(p -> r.accept("ip daddr != 127.0.0.0/8 " + dest(p) + dnat(p))));
    chain(
        out,
        "filter_forward",
        "type filter hook forward priority 0; policy accept;",
        r -> forward(s, r));
    chain(
        out,
        "nat_postrouting",
        "type nat hook postrouting priority 100; policy accept;",
        r ->
            s.networks().stream()
                .filter(n -> !n.internal() && n.masquerade())
                .forEach(
                    n -> {
                      // lo excluded: host sockets bound to the gateway (DNS clients) must keep
                      // their source.
                      String out4 = "oifname != { \"lo\", \"" + n.bridge() + "\" } ";
                      if (!n.mode4().equals("routed")) {
                        r.accept(
                            "ip saddr "
                                + n.subnet()
                                + " "
                                + out4
                                + (n.snat4() == null ? "masquerade" : "snat ip to " + n.snat4())
                                + " comment \"outbound "
                                + n.name()
                                + "\"");
                      }
                      if (n.subnet6() != null && !n.mode6().equals("routed")) {
                        r.accept(
                            "ip6 saddr "
                                + n.subnet6()
                                + " "
                                + out4
                                + (n.snat6() == null ? "masquerade" : "snat ip6 to " + n.snat6())
                                + " comment \"outbound "
                                + n.name()
                                + "\"");
                      }
                    }));
    return out.append("}\n").toString();
  }

  private static void forward(FirewallState s, Consumer<String> r) {
    String bridges = bridgeSet(s);
    for (FirewallState.Net n : s.networks()) {
      String br = "\"" + n.bridge() + "\"";
      if (n.internal()) {
        r.accept(
            "iifname " + br + " oifname != " + br + " drop comment \"internal " + n.name() + "\"");
        r.accept(
            "oifname " + br + " iifname != " + br + " drop comment \"internal " + n.name() + "\"");
        continue;
      }
      r.accept(
          "iifname "
              + br
              + " oifname "
              + bridges
              + " oifname != "
              + br
              + " drop comment \"isolation "
              + n.name()
              + "\"");
      r.accept("oifname " + br + " ct status dnat accept comment \"published " + n.name() + "\"");
      r.accept("oifname " + br + " ct state established,related accept");
      inbound(s, n, br, r);
      r.accept(
          "oifname "
              + br
              + " iifname != "
              + br
              + " drop comment \"unsolicited inbound "
              + n.name()
              + "\"");
      r.accept("iifname " + br + " accept comment \"outbound " + n.name() + "\"");
    }
    if (s.guardForwarding()) {
      r.accept(
          "meta nfproto ipv4 iifname != "
              + bridges
              + " oifname != "
              + bridges
              + " drop comment \"forwarding enabled for jcompose only\"");
    }
    if (s.guardForwarding6()) {
      r.accept(
          "meta nfproto ipv6 iifname != "
              + bridges
              + " oifname != "
              + bridges
              + " drop comment \"forwarding enabled for jcompose only\"");
    }
  }

  /** Direct (not DNATed) inbound traffic the gateway modes accept. */
  private static void inbound(FirewallState s, FirewallState.Net n, String br, Consumer<String> r) {
    if (n.mode4().equals("nat-unprotected")) {
      r.accept(
          "oifname "
              + br
              + " meta nfproto ipv4 accept comment \"nat-unprotected "
              + n.name()
              + "\"");
    }
    if (n.subnet6() != null && n.mode6().equals("nat-unprotected")) {
      r.accept(
          "oifname "
              + br
              + " meta nfproto ipv6 accept comment \"nat-unprotected "
              + n.name()
              + "\"");
    }
    if (n.mode4().equals("routed")) {
      r.accept(
          "oifname " + br + " icmp type echo-request accept comment \"routed " + n.name() + "\"");
      s.ports().stream()
          .filter(p -> p.bridge().equals(n.bridge()))
          .forEach(
              p ->
                  r.accept(
                      "oifname "
                          + br
                          + " ip daddr "
                          + p.containerIp()
                          + " "
                          + p.protocol()
                          + " dport "
                          + p.containerPort()
                          + " accept comment \"routed "
                          + n.name()
                          + "\""));
    }
    if (n.subnet6() != null && n.mode6().equals("routed")) {
      r.accept(
          "oifname " + br + " icmpv6 type echo-request accept comment \"routed " + n.name() + "\"");
    }
  }

  /**
   * Every jcompose bridge: the usual names by wildcard, ones named by {@code
   * com.docker.network.bridge.name} one by one.
   */
  private static String bridgeSet(FirewallState s) {
    List<String> names = new ArrayList<>(List.of(BRIDGE_WILDCARD));
    new TreeSet<>(
            s.networks().stream()
                .map(FirewallState.Net::bridge)
                .filter(b -> !b.startsWith("jcb"))
                .toList())
        .forEach(b -> names.add("\"" + b + "\""));
    return names.size() == 1 ? names.get(0) : "{ " + String.join(", ", names) + " }";
  }

  private static boolean protectedFromOutside(String mode) {
    return mode.equals("nat") || mode.equals("isolated");
  }

  private static void chain(
      StringBuilder out, String name, String base, Consumer<Consumer<String>> rules) {
    out.append("\tchain ").append(name).append(" {\n\t\t").append(base).append('\n');
    rules.accept(rule -> out.append("\t\t").append(rule).append('\n'));
    out.append("\t}\n");
  }

  private static String dest(FirewallState.Port p) {
    return anyAddress(p.hostIp()) ? "fib daddr type local " : "ip daddr " + p.hostIp() + " ";
  }

  private static String dnat(FirewallState.Port p) {
    return p.protocol()
        + " dport "
        + p.hostPort()
        + " dnat ip to "
        + p.containerIp()
        + ":"
        + p.containerPort();
  }

  static boolean anyAddress(String hostIp) {
    return hostIp == null || hostIp.isEmpty() || hostIp.equals("0.0.0.0");
  }

  static boolean loopback(FirewallState.Port p) {
    return p.hostIp() != null && p.hostIp().startsWith("127.");
  }

  /**
   * Script that removes the table if present (declaring it first makes delete idempotent), and the
   * {@code ip} family table of the same name that engines before IPv6 support kept.
   */
  static String deleteScript(String table) {
    return "table inet "
        + table
        + "\ndelete table inet "
        + table
        + "\ntable ip "
        + table
        + "\ndelete table ip "
        + table
        + "\n";
  }

  static List<String> command() {
    return List.of("nft", "-f", "-");
  }
}
