package dev.jcompose.netmgr.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The kernel door's newer links on the real kernel: IPv6 on a bridge and a veth (no DAD wait,
 * default route), bridge port isolation (enable_icc off), macvlan and ipvlan links of a parent. The
 * parent is the host end of a veth pair whose other end sits in a namespace of the test (a stand-in
 * "LAN" with one host on it): nothing leaves the machine.
 */
@Tag("root")
class LinkFeaturesRootTest {
  private static final String PID = Long.toString(ProcessHandle.current().pid());
  private static final String BRIDGE = "jcbfeature01";
  private static final String PARENT = "jctpar" + PID;
  private static final String C1 = "jctest-lf1-" + PID;
  private static final String C2 = "jctest-lf2-" + PID;
  private static final String LAN = "jctest-lan-" + PID;
  private final LinkOps ops = new NetlinkLinkOps();

  @BeforeEach
  void namespaces() {
    for (String ns : List.of(C1, C2, LAN)) {
      Exec.run(List.of("ip", "netns", "add", ns), "");
    }
  }

  @AfterEach
  void cleanUp() {
    for (String l : List.of("jcvfeature01", "jcvfeature02", BRIDGE, PARENT)) {
      ops.deleteLink(l);
    }
    for (String ns : List.of(C1, C2, LAN)) {
      Exec.tryRun(List.of("ip", "netns", "del", ns), "");
    }
  }

  @Test
  void ipv6_onBridgeAndVeth_usableAtOnceWithDefaultRoute() {
    ops.ensureBridge(
        new BridgeConfig(
            BRIDGE,
            "02:00:00:00:00:02",
            1500,
            "10.252.0.1/24",
            "fd42:1::1/64",
            "jcompose:feature:net:x",
            false));
    ops.attachVeth(
        new VethConfig(
            "jcvfeature01",
            BRIDGE,
            "jcompose:feature:ep:c:x",
            false,
            new InsideConfig(
                ns(C1),
                "eth0",
                "02:42:0a:fc:00:02",
                1500,
                "10.252.0.2/24",
                "fd42:1::2/64",
                "10.252.0.1",
                "fd42:1::1",
                false)));

    String addr = Exec.run(List.of("ip", "-n", C1, "-6", "addr", "show", "eth0"), "");
    assertThat(addr.lines().filter(l -> l.contains("fd42:1::2/64")).findFirst().orElse(""))
        .contains("nodad")
        .doesNotContain("tentative");
    assertThat(Exec.run(List.of("ip", "-6", "addr", "show", BRIDGE), ""))
        .contains("inet6 fd42:1::1/64");
    assertThat(Exec.run(List.of("ip", "-n", C1, "-6", "route"), ""))
        .contains("default via fd42:1::1 dev eth0");
    assertThat(ping(C1, "fd42:1::1")).isZero();
    assertThat(ops.hostRanges()).extracting(r -> r.range().toString()).contains("fd42:1::/64");
  }

  @Test
  void isolatedPorts_reachTheGatewayButNotEachOther() {
    ops.ensureBridge(
        new BridgeConfig(
            BRIDGE,
            "02:00:00:00:00:02",
            1500,
            "10.252.0.1/24",
            null,
            "jcompose:feature:net:x",
            false));
    ops.attachVeth(
        new VethConfig(
            "jcvfeature01",
            BRIDGE,
            "jcompose:feature:ep:c:x",
            true,
            new InsideConfig(
                ns(C1), "eth0", null, 1500, "10.252.0.2/24", null, "10.252.0.1", null, false)));
    ops.attachVeth(
        new VethConfig(
            "jcvfeature02",
            BRIDGE,
            "jcompose:feature:ep:d:x",
            true,
            new InsideConfig(
                ns(C2), "eth0", null, 1500, "10.252.0.3/24", null, "10.252.0.1", null, false)));

    assertThat(Exec.run(List.of("ip", "-d", "link", "show", "jcvfeature01"), ""))
        .contains("isolated on");
    assertThat(ping(C1, "10.252.0.1")).isZero();
    assertThat(ping(C1, "10.252.0.3")).isNotZero();
  }

  @Test
  void macvlan_ofAVethParent_reachesTheLanHostAndItsSibling() {
    lan();
    ops.attachSublink(
        new SublinkConfig(
            "macvlan",
            PARENT,
            "bridge",
            null,
            new InsideConfig(
                ns(C1),
                "eth0",
                "02:42:c0:a8:63:02",
                0,
                "192.168.99.2/24",
                null,
                "192.168.99.1",
                null,
                false)));
    ops.attachSublink(
        new SublinkConfig(
            "macvlan",
            PARENT,
            "bridge",
            null,
            new InsideConfig(ns(C2), "eth1", null, 0, "192.168.99.3/24", null, null, null, false)));

    assertThat(Exec.run(List.of("ip", "-n", C1, "-d", "link", "show", "eth0"), ""))
        .contains("macvlan mode bridge", "02:42:c0:a8:63:02");
    assertThat(Exec.run(List.of("ip", "-n", C1, "route"), ""))
        .contains("default via 192.168.99.1 dev eth0");
    assertThat(Exec.run(List.of("ip", "-n", C2, "route"), "")).doesNotContain("default");
    assertThat(ping(C1, "192.168.99.1")).isZero();
    assertThat(ping(C1, "192.168.99.3")).isZero();
    assertThatThrownBy(
            () ->
                ops.attachSublink(
                    new SublinkConfig(
                        "macvlan",
                        "jctabsent0",
                        "bridge",
                        null,
                        new InsideConfig(
                            ns(C1), "eth5", null, 0, "192.168.99.4/24", null, null, null, false))))
        .hasMessageContaining("jctabsent0 does not exist");
  }

  @Test
  void ipvlan_l3_routesOutOfTheLink_orSaysTheKernelLacksIt() {
    lan();
    SublinkConfig l3 =
        new SublinkConfig(
            "ipvlan",
            PARENT,
            "l3",
            "bridge",
            new InsideConfig(ns(C1), "eth0", null, 0, "192.168.99.2/24", null, null, null, true));
    if (!kernelHas("ipvlan")) {
      assertThatThrownBy(() -> ops.attachSublink(l3))
          .isInstanceOf(NetworkException.class)
          .hasMessageContaining("this kernel has no ipvlan support");
      return;
    }
    ops.attachSublink(l3);

    assertThat(Exec.run(List.of("ip", "-n", C1, "-d", "link", "show", "eth0"), ""))
        .contains("ipvlan", "l3");
    assertThat(Exec.run(List.of("ip", "-n", C1, "route"), "")).contains("default dev eth0");
  }

  /** The parent: a veth whose peer is the one host of a /24 "LAN" in its own namespace. */
  private void lan() {
    Exec.run(
        List.of("ip", "link", "add", PARENT, "type", "veth", "peer", "name", "lan0", "netns", LAN),
        "");
    Exec.run(List.of("ip", "link", "set", PARENT, "up"), "");
    Exec.run(List.of("ip", "-n", LAN, "addr", "add", "192.168.99.1/24", "dev", "lan0"), "");
    Exec.run(List.of("ip", "-n", LAN, "link", "set", "lan0", "up"), "");
  }

  private static boolean kernelHas(String kind) {
    Exec.Result r =
        Exec.tryRun(
            List.of("ip", "-n", LAN, "link", "add", "probe0", "type", kind, "mode", "l2"), "");
    return !r.stderr().contains("Unknown device type");
  }

  private static int ping(String ns, String address) {
    return Exec.tryRun(
            List.of("ip", "netns", "exec", ns, "busybox", "ping", "-c", "1", "-W", "2", address),
            "")
        .exitCode();
  }

  private static Path ns(String name) {
    return Path.of("/var/run/netns", name);
  }
}
