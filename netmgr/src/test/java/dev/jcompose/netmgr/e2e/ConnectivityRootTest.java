package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.sys.Exec;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class ConnectivityRootTest extends RootFixture {

  @Test
  void attach_twoEndpointsOnOneNetwork_pingEachOther() {
    network("p_default", false);
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint ea = attach(a, "p_default", null, "web");
    long t0 = System.nanoTime();
    Endpoint eb = attach(b, "p_default", null, "db");
    System.out.printf("attach latency: %.2f ms%n", (System.nanoTime() - t0) / 1e6);

    assertThat(a.exec("busybox", "ping", "-c", "1", "-W", "2", eb.ipv4Address()).exitCode())
        .isZero();
    assertThat(b.exec("busybox", "ping", "-c", "1", "-W", "2", ea.ipv4Address()).exitCode())
        .isZero();
    assertThat(a.exec("ip", "route").stdout()).contains("default via " + ea.gateway());
    assertThat(ea.dnsServer()).isEqualTo(ea.gateway());
  }

  @Test
  void release_afterTheNamespaceIsGone_forgetsEndpointsAndLeavesNoLink() {
    network("p_one", false);
    network("p_two", false);
    TestNetns a = netns("a");
    Endpoint one = attach(a, "p_one", null, "web");
    manager.attach(
        new AttachRequest(a.name(), "p_two", a.path(), "eth1", null, null, List.of("web"), false));
    TestNetns b = netns("b");

    a.close(); // the container's namespace goes first, as on docker rm
    manager.release(a.name());

    assertThat(Exec.run(List.of("ip", "-o", "link", "show"), ""))
        .doesNotContain(manager.linkAliasPrefix() + "ep:" + a.name());
    // its address is free again
    assertThat(attach(b, "p_one", one.ipv4Address()).ipv4Address()).isEqualTo(one.ipv4Address());
  }

  @Test
  void attach_otherNetwork_cannotReach() {
    network("p_one", false);
    network("p_two", false);
    TestNetns a = netns("a");
    TestNetns other = netns("o");
    Endpoint ea = attach(a, "p_one", null, "web");
    attach(other, "p_two", null, "spy");

    assertThat(other.exec("busybox", "ping", "-c", "1", "-W", "1", ea.ipv4Address()).exitCode())
        .isNotZero();
  }

  @Test
  void attach_internalNetwork_hasNoRouteOut() {
    NetworkInfo net = network("p_back", true);
    TestNetns a = netns("a");
    attach(a, "p_back", null, "db");

    assertThat(a.exec("ip", "route").stdout()).doesNotContain("default");
    assertThat(a.exec("busybox", "ping", "-c", "1", "-W", "1", "192.0.2.1").exitCode()).isNotZero();
    assertThat(net.internal()).isTrue();
  }

  @Test
  void attach_customSubnetAndFixedAddress_honoured() {
    NetworkInfo net =
        network(
            "p_fixed",
            false,
            new NetworkSpec.Subnet("10.123.45.0/24", "10.123.45.128/25", "10.123.45.254"));
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint fixed = attach(a, "p_fixed", "10.123.45.10");
    Endpoint dynamic = attach(b, "p_fixed", null);

    assertThat(net.gateway()).isEqualTo("10.123.45.254");
    assertThat(a.exec("ip", "-4", "addr", "show", "eth0").stdout())
        .contains("inet 10.123.45.10/24");
    assertThat(dynamic.ipv4Address()).isEqualTo("10.123.45.128");
    assertThat(fixed.gateway()).isEqualTo("10.123.45.254");
    assertThatThrownBy(
            () -> network("p_clash", false, new NetworkSpec.Subnet("10.123.0.0/16", null, null)))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("overlaps")
        .hasMessageContaining("p_fixed");
  }

  @Test
  void outbound_natToUpstreamHost_seesHostAddress() throws Exception {
    try (UpstreamHost up = UpstreamHost.create()) {
      network("p_out", false);
      TestNetns a = netns("a");
      attach(a, "p_out", null, "web");
      spawn(up.ns(), "busybox", "nc", "-l", "-p", "9000");
      spawn(a, "sh", "-c", "sleep 8 | busybox nc " + UpstreamHost.REMOTE + " 9000");

      String seen = UpstreamHost.awaitPeer(up.ns());
      // ss prints v4-mapped peers of a dual-stack listener as [::ffff:a.b.c.d]:port
      assertThat(seen.replace("[::ffff:", "").replace("]", ""))
          .startsWith(UpstreamHost.HOST_SIDE + ":");
    }
  }

  @Test
  void remove_withEndpoints_conflictsThenSucceeds() {
    network("p_rm", false);
    TestNetns a = netns("a");
    attach(a, "p_rm", null);
    assertThatThrownBy(() -> manager.remove("p_rm"))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("still has 1");
    manager.detach(a.name(), "p_rm");
    manager.remove("p_rm");
    assertThat(Exec.run(List.of("ip", "-o", "link"), "")).doesNotContain(manager.linkAliasPrefix());
  }
}
