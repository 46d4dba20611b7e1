package dev.jcompose.scheduler.convert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Expected texts follow moby libnetwork/internal/resolvconf (Generate, TransformForIntNS/LegacyNw).
 */
class ResolvConfTest {
  private static final String HOST =
      "# from DHCP\nnameserver 10.0.2.3\nnameserver 127.0.0.53\nsearch corp.example\noptions edns0\n";

  @Test
  void internalResolver_onlyNameserver127_0_0_11_hostServersBecomeUpstreams_ndots0Added() {
    ResolvConf rc =
        ResolvConf.parse(HOST, "/etc/resolv.conf")
            .override(List.of(), List.of(), List.of())
            .forInternalResolver("127.0.0.11");
    assertThat(rc.render())
        .isEqualTo(
            ResolvConf.HEADER
                + "\n"
                + "nameserver 127.0.0.11\nsearch corp.example\noptions edns0 ndots:0\n\n"
                + "# Based on host file: '/etc/resolv.conf' (internal resolver)\n"
                + "# ExtServers: [host(10.0.2.3) host(127.0.0.53)]\n# Overrides: []\n# Option ndots from: internal\n");
    assertThat(rc.upstreams()).containsExactly("10.0.2.3", "127.0.0.53");
  }

  @Test
  void internalResolver_dnsOptWithNdots_keepsItAndRepeatsNothing() {
    String text =
        ResolvConf.parse(HOST, "/etc/resolv.conf")
            .override(List.of("1.1.1.1"), List.of(), List.of("ndots:2", "timeout:1"))
            .forInternalResolver("127.0.0.11")
            .render();
    assertThat(text)
        .contains("nameserver 127.0.0.11\nsearch corp.example\noptions ndots:2 timeout:1\n")
        .doesNotContain("ndots:0")
        .doesNotContain("nameserver 1.1.1.1")
        .contains(
            "# ExtServers: [1.1.1.1]\n# Overrides: [nameservers options]\n# Option ndots from: override\n");
  }

  @Test
  void internalResolver_invalidNdotsIsReplaced() {
    assertThat(
            ResolvConf.parse("options ndots:x rotate\n", "/etc/resolv.conf")
                .forInternalResolver("127.0.0.11")
                .render())
        .contains("options rotate ndots:0\n")
        .contains("# NO EXTERNAL NAMESERVERS DEFINED\n");
  }

  @Test
  void search_overrideReplacesTheHostsAndDropsTheRootDot() {
    assertThat(
            ResolvConf.parse(HOST, "/etc/resolv.conf")
                .override(null, List.of("a.example", "."), null)
                .forInternalResolver("127.0.0.11")
                .render())
        .contains("search a.example\n")
        .contains("# Overrides: [search]\n");
  }

  @Test
  void legacyNetwork_dropsLoopbackServers_andFallsBackToDefaults() {
    assertThat(ResolvConf.parse(HOST, "/etc/resolv.conf").forLegacyNetwork().render())
        .contains("nameserver 10.0.2.3\nsearch")
        .doesNotContain("127.0.0.53")
        .contains("(legacy)");
    assertThat(
            ResolvConf.parse("nameserver 127.0.0.53\n", "/etc/resolv.conf")
                .forLegacyNetwork()
                .render())
        .contains("nameserver 8.8.8.8\nnameserver 8.8.4.4\n")
        .contains("# Used default nameservers.\n");
  }

  @Test
  void hostNetwork_keepsTheHostsFile_withOverrides() {
    assertThat(
            ResolvConf.parse(HOST, "/etc/resolv.conf")
                .override(List.of("9.9.9.9"), null, null)
                .render())
        .contains(
            "nameserver 9.9.9.9\nsearch corp.example\noptions edns0\n\n# Based on host file: '/etc/resolv.conf'\n");
  }
}
