package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.netmgr.LinuxNetworkManager;
import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.dns.DnsService;
import dev.jcompose.netmgr.firewall.NftFirewall;
import dev.jcompose.netmgr.link.NetlinkLinkOps;
import dev.jcompose.netmgr.ports.PortProxies;
import dev.jcompose.netmgr.sys.Exec;
import dev.jcompose.testkit.HostChecks;
import io.vertx.core.Vertx;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Real kernel, real nft, namespaces the test creates. Uses its own nft table ({@link #TABLE}) so a
 * concurrently running engine's table "jcompose" is not replaced. Cleans up after every test and
 * checks that nothing of this instance is left.
 */
abstract class RootFixture {
  static final String TABLE = "jcompose_nettest";
  Vertx vertx;
  StubResolver stub;
  Path stateDir;
  LinuxNetworkManager manager;
  final List<TestNetns> namespaces = new ArrayList<>();
  final List<Process> processes = new ArrayList<>();

  @BeforeAll
  static void guardEgress() {
    HostChecks.egressGuard();
  }

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    stub = new StubResolver(vertx);
    stateDir = Files.createTempDirectory("jcompose-test-net-");
    manager = newManager();
    manager.start();
  }

  LinuxNetworkManager newManager() {
    SocketAddress upstream = SocketAddress.inetSocketAddress(stub.port(), "127.0.0.1");
    DnsService dns = new DnsService(vertx, 53, () -> List.of(upstream));
    return new LinuxNetworkManager(
        stateDir,
        new LinuxNetworkManager.Parts(
            new NetlinkLinkOps(), new NftFirewall(TABLE), dns, new PortProxies(vertx)));
  }

  @AfterEach
  void tearDown() throws Exception {
    processes.forEach(
        p -> {
          p.destroyForcibly();
          try {
            p.waitFor();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    for (NetworkInfo n : manager.list()) {
      for (TestNetns ns : namespaces) {
        manager.detach(ns.name(), n.name());
      }
    }
    List.copyOf(manager.list()).forEach(n -> manager.remove(n.name()));
    manager.close();
    namespaces.forEach(TestNetns::close);
    stub.close();
    vertx.close().toCompletionStage().toCompletableFuture().get();
    Exec.run(List.of("rm", "-rf", stateDir.toString()), "");
    assertThat(HostChecks.leaksMentioning(TABLE, manager.linkAliasPrefix(), stateDir.toString()))
        .isEmpty();
  }

  NetworkInfo network(String name, boolean internal, NetworkSpec.Subnet... subnets) {
    return manager.create(NetworkSpec.bridge(name, internal, List.of(subnets)));
  }

  TestNetns netns(String suffix) {
    TestNetns ns = TestNetns.create(suffix);
    namespaces.add(ns);
    return ns;
  }

  /** Attaches the netns as container {@code ns.name()} with the given DNS names. */
  Endpoint attach(TestNetns ns, String network, String ip, String... names) {
    return manager.attach(
        new AttachRequest(ns.name(), network, ns.path(), "eth0", ip, null, List.of(names), true));
  }

  Process spawn(TestNetns ns, String... command) throws Exception {
    Process p = ns.spawn(command);
    processes.add(p);
    return p;
  }
}
