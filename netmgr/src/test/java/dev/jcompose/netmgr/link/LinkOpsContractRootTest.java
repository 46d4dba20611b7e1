package dev.jcompose.netmgr.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.sys.Exec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The LinkOps contract, on the real kernel: the netlink implementation (the only one) and any later
 * one.
 */
@Tag("root")
class LinkOpsContractRootTest {
  private static final String BRIDGE = "jcbcontract01";
  private static final String NS = "jctest-links-" + ProcessHandle.current().pid();

  static List<Supplier<LinkOps>> implementations() {
    return List.of(NetlinkLinkOps::new);
  }

  @ParameterizedTest
  @MethodSource("implementations")
  void attachVeth_peerInNetns_addressedRoutedAndRemovable(Supplier<LinkOps> impl) {
    LinkOps ops = impl.get();
    Exec.run(List.of("ip", "netns", "add", NS), "");
    try {
      ops.ensureBridge(
          new BridgeConfig(
              BRIDGE,
              "02:00:00:00:00:01",
              1500,
              "10.251.0.1/24",
              null,
              "jcompose:contract:net:x",
              false));
      ops.ensureBridge(
          new BridgeConfig(
              BRIDGE,
              "02:00:00:00:00:01",
              1500,
              "10.251.0.1/24",
              null,
              "jcompose:contract:net:x",
              false));
      long[] t = new long[1];
      long t0 = System.nanoTime();
      ops.attachVeth(
          new VethConfig(
              "jcvcontract01",
              BRIDGE,
              "jcompose:contract:ep:c:x",
              false,
              new InsideConfig(
                  Path.of("/var/run/netns", NS),
                  "eth0",
                  "02:42:0a:fb:00:02",
                  1500,
                  "10.251.0.2/24",
                  null,
                  "10.251.0.1",
                  null,
                  false)));
      t[0] = System.nanoTime() - t0;
      System.out.printf("%s attachVeth %.2f ms%n", ops.getClass().getSimpleName(), t[0] / 1e6);

      String inside = Exec.run(List.of("ip", "-n", NS, "addr", "show", "eth0"), "");
      assertThat(inside).contains("inet 10.251.0.2/24", "02:42:0a:fb:00:02", "UP");
      assertThat(Exec.run(List.of("ip", "-n", NS, "route"), ""))
          .contains("default via 10.251.0.1 dev eth0");
      assertThat(Exec.run(List.of("ip", "-n", NS, "link", "show", "lo"), "")).contains("UP");
      assertThat(
              Exec.tryRun(
                      List.of(
                          "ip",
                          "netns",
                          "exec",
                          NS,
                          "busybox",
                          "ping",
                          "-c",
                          "1",
                          "-W",
                          "2",
                          "10.251.0.1"),
                      "")
                  .exitCode())
          .isZero();
      assertThat(ops.listLinks("jcompose:contract:"))
          .containsExactlyInAnyOrder(
              new LinkInfo(BRIDGE, "bridge", "jcompose:contract:net:x"),
              new LinkInfo("jcvcontract01", "veth", "jcompose:contract:ep:c:x"));
      assertThat(ops.hostRanges())
          .extracting(r -> r.owner())
          .contains("host route 10.251.0.0/24 dev " + BRIDGE);
      assertThat(Exec.run(List.of("ip", "link", "show", BRIDGE), ""))
          .contains("02:00:00:00:00:01", "mtu 1500", "UP");
      assertThat(Exec.run(List.of("ip", "addr", "show", BRIDGE), ""))
          .contains("inet 10.251.0.1/24");
      assertThatThrownBy(
              () ->
                  ops.attachVeth(
                      new VethConfig(
                          "jcvcontract02",
                          BRIDGE,
                          "jcompose:contract:ep:d:x",
                          false,
                          new InsideConfig(
                              Path.of("/var/run/netns/jctest-absent"),
                              "eth0",
                              null,
                              1500,
                              "10.251.0.3/24",
                              null,
                              null,
                              null,
                              false))))
          .isInstanceOf(NetworkException.class);

      ops.deleteLink("jcvcontract01");
      ops.deleteLink("jcvcontract01");
      assertThat(Exec.run(List.of("ip", "-n", NS, "link"), "")).doesNotContain("eth0");
    } finally {
      ops.deleteLink("jcvcontract01");
      ops.deleteLink("jcvcontract02");
      ops.deleteLink(BRIDGE);
      Exec.tryRun(List.of("ip", "netns", "del", NS), "");
    }
    assertThat(Arrays.asList(Exec.run(List.of("ip", "-o", "link"), "").split("\n")))
        .noneMatch(l -> l.contains("contract"));
  }
}
