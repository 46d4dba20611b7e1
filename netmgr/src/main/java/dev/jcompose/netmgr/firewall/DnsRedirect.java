package dev.jcompose.netmgr.firewall;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules, inside a container's own network namespace, that send its queries for 127.0.0.11:53 to
 * the ports the embedded DNS listens on there, and make the answers come from port 53 again (moby
 * libnetwork resolver_unix.go: DOCKER_OUTPUT DNAT, DOCKER_POSTROUTING SNAT). Both flavours replace
 * the whole table, so applying them again (a new engine, new ports) leaves one set.
 */
final class DnsRedirect {
  static final String ADDRESS = "127.0.0.11";

  private DnsRedirect() {}

  /** {@code command} run in the network namespace at {@code netns} (util-linux nsenter). */
  static List<String> nsenter(Path netns, List<String> command) {
    List<String> out = new ArrayList<>(List.of("nsenter", "--net=" + netns, "--"));
    out.addAll(command);
    return out;
  }

  static String nft(int udpPort, int tcpPort) {
    return "table ip jcompose_dns\ndelete table ip jcompose_dns\n"
        + "table ip jcompose_dns {\n"
        + "  chain output {\n"
        + "    type nat hook output priority -100; policy accept;\n"
        + "    ip daddr "
        + ADDRESS
        + " udp dport 53 dnat to "
        + ADDRESS
        + ":"
        + udpPort
        + "\n"
        + "    ip daddr "
        + ADDRESS
        + " tcp dport 53 dnat to "
        + ADDRESS
        + ":"
        + tcpPort
        + "\n"
        + "  }\n"
        + "  chain postrouting {\n"
        + "    type nat hook postrouting priority 100; policy accept;\n"
        + "    ip saddr "
        + ADDRESS
        + " udp sport "
        + udpPort
        + " snat to "
        + ADDRESS
        + ":53\n"
        + "    ip saddr "
        + ADDRESS
        + " tcp sport "
        + tcpPort
        + " snat to "
        + ADDRESS
        + ":53\n"
        + "  }\n"
        + "}\n";
  }

  static String iptables(int udpPort, int tcpPort) {
    return "*nat\n"
        + ":PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\n"
        + "-A OUTPUT -d "
        + ADDRESS
        + "/32 -p udp --dport 53 -j DNAT --to-destination "
        + ADDRESS
        + ":"
        + udpPort
        + "\n"
        + "-A OUTPUT -d "
        + ADDRESS
        + "/32 -p tcp --dport 53 -j DNAT --to-destination "
        + ADDRESS
        + ":"
        + tcpPort
        + "\n"
        + "-A POSTROUTING -s "
        + ADDRESS
        + "/32 -p udp --sport "
        + udpPort
        + " -j SNAT --to-source "
        + ADDRESS
        + ":53\n"
        + "-A POSTROUTING -s "
        + ADDRESS
        + "/32 -p tcp --sport "
        + tcpPort
        + " -j SNAT --to-source "
        + ADDRESS
        + ":53\n"
        + "COMMIT\n";
  }
}
