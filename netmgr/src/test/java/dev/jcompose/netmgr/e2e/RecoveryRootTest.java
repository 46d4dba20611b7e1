package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.sys.Exec;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class RecoveryRootTest extends RootFixture {

  @Test
  void start_withLostState_removesStaleLinksAndRules() throws Exception {
    network("p_stale", false);
    TestNetns a = netns("a");
    attach(a, "p_stale", null, "web");
    manager.close();
    Files.delete(stateDir.resolve("networks.json"));

    manager = newManager();
    manager.start();

    assertThat(links()).doesNotContain(manager.linkAliasPrefix());
    assertThat(Exec.tryRun(List.of("nft", "list", "table", "ip", TABLE), "").exitCode())
        .isNotZero();
  }

  @Test
  void start_afterRestart_keepsNetworkDropsDeadEndpointsAndServesDns() throws Exception {
    network("p_keep", false);
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint ea = attach(a, "p_keep", null, "web");
    Endpoint eb = attach(b, "p_keep", null, "gone");
    manager.close();
    b.close();
    // the kernel destroys a deleted netns (and the veth pair in it) asynchronously
    String endpointAlias = manager.linkAliasPrefix() + "ep:";
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> links().lines().filter(l -> l.contains(endpointAlias)).count() == 1);

    manager = newManager();
    manager.start();

    assertThat(manager.list()).hasSize(1);
    assertThat(a.exec("busybox", "nslookup", "web", ea.dnsServer()).stdout())
        .contains(ea.ipv4Address());
    assertThat(a.exec("busybox", "nslookup", "gone", ea.dnsServer()).stdout())
        .contains("NXDOMAIN")
        .doesNotContain(eb.ipv4Address());
  }

  @Test
  void start_afterRestart_republishesPortsOnLoopback() throws Exception {
    network("p_pub", false);
    TestNetns a = netns("a");
    Endpoint e = attach(a, "p_pub", null, "web");
    spawn(
        a,
        "python3",
        "-c",
        "import socket\ns=socket.socket()\ns.setsockopt(socket.SOL_SOCKET,socket.SO_REUSEADDR,1)\n"
            + "s.bind(('0.0.0.0',80))\ns.listen(5)\nwhile True:\n c,_=s.accept()\n c.sendall(b'still here')\n c.close()\n");
    manager.publish(a.name(), List.of(new PortBinding("127.0.0.1", 0, e.ipv4Address(), 80, "tcp")));
    int port = manager.published(a.name()).get(0).hostPort();
    manager.close();

    manager = newManager();
    manager.start();
    manager.start();

    assertThat(manager.published(a.name())).extracting(PortBinding::hostPort).containsExactly(port);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> read(port).equals("still here"));
  }

  private static String read(int port) throws Exception {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
      s.setSoTimeout(3000);
      return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void detach_netnsAlreadyGone_succeeds() {
    network("p_det", false);
    TestNetns a = netns("a");
    attach(a, "p_det", null);
    a.close();

    manager.detach(a.name(), "p_det");

    assertThat(links()).doesNotContain(manager.linkAliasPrefix() + "ep:");
  }

  private static String links() {
    return Exec.run(List.of("ip", "-o", "link", "show"), "");
  }
}
