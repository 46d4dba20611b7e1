package dev.jcompose.netmgr.firewall;

import java.util.List;
import java.util.function.Consumer;

/**
 * Renders {@link FirewallState} as an nftables script for table {@code ip <table>}. Pure text;
 * {@link NftFirewall} loads it in one transaction. Chains follow moby's nftables bridge driver and
 * netavark in spirit (raw anti-spoof, dstnat for published ports, filter forward for isolation,
 * srcnat masquerade), written from the rules' meaning, not copied.
 */
public final class NftRuleset {
  static final String BRIDGE_WILDCARD = "\"jcb*\"";

  private NftRuleset() {}

  public static String render(String table, FirewallState s) {
    StringBuilder out = new StringBuilder("table ip " + table + " {\n");
    chain(
        out,
        "raw_prerouting",
        "type filter hook prerouting priority -300; policy accept;",
        r ->
            s.networks()
                .forEach(
                    n ->
                        r.accept(
                            "iifname != { \"lo\", \""
                                + n.bridge()
                                + "\" } ip daddr "
                                + n.subnet()
                                + " drop comment \"direct access "
                                + n.name()
                                + "\"")));
    chain(
        out,
        "nat_prerouting",
        "type nat hook prerouting priority -100; policy accept;",
        r ->
            s.ports().stream()
                .filter(p -> !loopback(p))
                .forEach(p -> r.accept(dest(p) + "iifname != \"" + p.bridge() + "\" " + dnat(p))));
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
                .filter(n -> !n.internal())
                .forEach(
                    n ->
                        r.accept(
                            // lo excluded: host sockets bound to the gateway (DNS clients) must
                            // keep their source.
                            "ip saddr "
                                + n.subnet()
                                + " oifname != { \"lo\", \""
                                + n.bridge()
                                + "\" } masquerade comment \"outbound "
                                + n.name()
                                + "\"")));
    return out.append("}\n").toString();
  }

  private static void forward(FirewallState s, Consumer<String> r) {
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
              + BRIDGE_WILDCARD
              + " oifname != "
              + br
              + " drop comment \"isolation "
              + n.name()
              + "\"");
      r.accept("oifname " + br + " ct status dnat accept comment \"published " + n.name() + "\"");
      r.accept("oifname " + br + " ct state established,related accept");
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
          "iifname != "
              + BRIDGE_WILDCARD
              + " oifname != "
              + BRIDGE_WILDCARD
              + " drop comment \"forwarding enabled for jcompose only\"");
    }
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
        + " dnat to "
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

  /** Script that removes the table if present (declaring it first makes delete idempotent). */
  static String deleteScript(String table) {
    return "table ip " + table + "\ndelete table ip " + table + "\n";
  }

  static List<String> command() {
    return List.of("nft", "-f", "-");
  }
}
