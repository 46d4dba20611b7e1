package dev.jcompose.netmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.dns.RecordingDns;
import dev.jcompose.netmgr.firewall.RecordingFirewall;
import dev.jcompose.netmgr.link.RecordingLinkOps;
import dev.jcompose.netmgr.ports.PortProxies;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager's decisions against recording fakes: no root, no kernel. */
class LinuxNetworkManagerTest {
  @TempDir Path stateDir;
  private final RecordingLinkOps links = new RecordingLinkOps();
  private final RecordingFirewall firewall = new RecordingFirewall();
  private final RecordingDns dns = new RecordingDns();
  private Vertx vertx;
  private LinuxNetworkManager manager;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    manager = newManager();
    manager.start();
  }

  @AfterEach
  void tearDown() {
    manager.close();
    vertx.close();
  }

  private LinuxNetworkManager newManager() {
    return new LinuxNetworkManager(
        stateDir, new LinuxNetworkManager.Parts(links, firewall, dns, new PortProxies(vertx)));
  }

  @Test
  void create_default_bridgeGatewayForwardingRulesAndDns() {
    NetworkInfo net = create("p_default", false);

    assertThat(net.subnet()).isEqualTo("172.29.0.0/24");
    assertThat(net.gateway()).isEqualTo("172.29.0.1");
    assertThat(net.bridge()).matches("jcb[0-9a-f]{10}");
    assertThat(links.calls)
        .containsExactly(
            "bridge " + net.bridge() + " 172.29.0.1/24 mtu 1500", "sysctl net.ipv4.ip_forward=1");
    assertThat(net.driver()).isEqualTo("bridge");
    assertThat(net.subnet6()).isNull();
    assertThat(firewall.rules)
        .contains("ip saddr 172.29.0.0/24", "masquerade", "forwarding enabled for jcompose only");
    assertThat(dns.listening).containsExactly("p_default@172.29.0.1");
  }

  @Test
  @org.junit.jupiter.api.Tag("security")
  void create_nameWithNewline_isRefusedBeforeAnyLinkOrRule() {
    assertThatThrownBy(() -> create("x\nnetns add jcattack", false))
        .isInstanceOfSatisfying(
            NetworkException.class,
            e -> assertThat(e.kind()).isEqualTo(NetworkException.Kind.INVALID));

    assertThat(links.calls).isEmpty();
    assertThat(links.links).isEmpty();
  }

  @Test
  void create_secondNetwork_nextFreeSubnetAndIdempotentRepeat() {
    create("p_a", false);
    links.hostRanges.add(
        new dev.jcompose.netmgr.ipam.TakenRange(
            dev.jcompose.netmgr.ipam.IpPrefix.parse("172.29.1.0/24"),
            "host route 172.29.1.0/24 dev wg0"));

    assertThat(create("p_b", false).subnet()).isEqualTo("172.29.2.0/24");
    assertThat(create("p_b", false).subnet()).isEqualTo("172.29.2.0/24");
    assertThat(manager.list()).hasSize(2);
  }

  @Test
  void create_internal_noForwardingNoMasquerade() {
    create("p_back", true);

    assertThat(links.sysctls).containsEntry("net.ipv4.ip_forward", "0");
    assertThat(firewall.rules).contains("internal p_back").doesNotContain("masquerade");
  }

  @Test
  void attach_recordsVethWithAddressRouteAndDnsNames() throws Exception {
    NetworkInfo net = create("p_default", false);
    Endpoint e = attach("c1", "p_default", null, "web");
    links.calls.clear();
    Endpoint e2 = attach("c2", "p_default", "172.29.0.50", "db");

    assertThat(e.ipv4Address()).isEqualTo("172.29.0.2");
    assertThat(e.macAddress()).isEqualTo("02:42:ac:1d:00:02");
    assertThat(e.dnsServer()).isEqualTo("172.29.0.1");
    assertThat(links.calls)
        .containsExactly(
            "veth "
                + e2Host(e2)
                + " master "
                + net.bridge()
                + " -> /run/ns/c2 eth0 "
                + "172.29.0.50/24 mac 02:42:ac:1d:00:32 mtu 1500 default 172.29.0.1");
    assertThat(dns.resolve("p_default", "172.29.0.2", "db")).containsExactly("172.29.0.50");
  }

  @Test
  void detach_releasesAddressAndName() throws Exception {
    create("p_default", false);
    attach("c1", "p_default", null, "web");
    manager.detach("c1", "p_default");

    assertThat(attach("c2", "p_default", null, "api").ipv4Address()).isEqualTo("172.29.0.2");
    assertThat(dns.resolve("p_default", "172.29.0.2", "web")).isEmpty();
    assertThat(links.links.values()).noneMatch(l -> l.alias().contains(":ep:c1:"));
  }

  @Test
  void remove_withEndpoint_conflictNamingContainer() {
    create("p_default", false);
    attach("c1", "p_default", null);

    assertThatThrownBy(() -> manager.remove("p_default"))
        .isInstanceOf(NetworkException.class)
        .hasMessage("network 'p_default' still has 1 endpoint(s), e.g. container c1");
  }

  @Test
  void remove_last_deletesBridgeClearsRulesAndDns() {
    NetworkInfo net = create("p_default", false);
    manager.remove("p_default");

    assertThat(links.links).doesNotContainKey(net.bridge());
    assertThat(firewall.rules).isEmpty();
    assertThat(dns.listening).isEmpty();
  }

  @Test
  void restart_newInstance_knowsAllocationsAndCleansStaleLinks() {
    create("p_default", false);
    attach("c1", "p_default", "172.29.0.9");
    links.links.put(
        "jcvdeadbeef00",
        new dev.jcompose.netmgr.link.LinkInfo(
            "jcvdeadbeef00", "veth", manager.linkAliasPrefix() + "ep:old:x"));
    links.links.put(
        "jcvforeign000",
        new dev.jcompose.netmgr.link.LinkInfo(
            "jcvforeign000", "veth", "jcompose:otherengine:ep:z"));
    manager.close();

    manager = newManager();
    manager.start();

    assertThat(links.links).doesNotContainKey("jcvdeadbeef00").containsKey("jcvforeign000");
    assertThatThrownBy(() -> attach("c2", "p_default", "172.29.0.9"))
        .hasMessageContaining("already used by container c1");
  }

  @Test
  void publish_rulesForPortAndConflictWithOtherContainer() {
    create("p_default", false);
    Endpoint e1 = attach("c1", "p_default", null);
    Endpoint e2 = attach("c2", "p_default", null);
    manager.publish("c1", List.of(new PortBinding("127.0.0.1", 0, e1.ipv4Address(), 80, "tcp")));
    int port = manager.published("c1").get(0).hostPort();

    assertThat(port).isPositive();
    assertThat(firewall.rules).doesNotContain("dnat to");
    assertThatThrownBy(
            () ->
                manager.publish(
                    "c2", List.of(new PortBinding("", port, e2.ipv4Address(), 80, "tcp"))))
        .hasMessage(
            "cannot publish 0.0.0.0:"
                + port
                + "->80/tcp for container c2: the port is already published by container c1");
    manager.unpublish("c1");
    assertThat(manager.published("c1")).isEmpty();
  }

  @Test
  void detach_lastEndpoint_releasesPublishedPorts() {
    create("p_default", false);
    Endpoint e = attach("c1", "p_default", null);
    manager.publish("c1", List.of(new PortBinding("", 0, e.ipv4Address(), 80, "tcp")));

    manager.detach("c1", "p_default");

    assertThat(manager.published("c1")).isEmpty();
    assertThat(firewall.rules).doesNotContain("dnat to");
  }

  @Test
  void publish_unknownContainerAddress_invalid() {
    create("p_default", false);
    attach("c1", "p_default", null);

    assertThatThrownBy(
            () -> manager.publish("c1", List.of(new PortBinding("", 0, "10.9.9.9", 80, "tcp"))))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("no endpoint with address 10.9.9.9");
  }

  @Test
  void attach_concurrent_distinctAddressesAllPersisted() throws Exception {
    create("p_default", false);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<Endpoint>> fs = new java.util.ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String c = "c" + i;
        fs.add(pool.submit(() -> attach(c, "p_default", null)));
      }
      java.util.Set<String> addresses = new java.util.HashSet<>();
      for (var f : fs) {
        addresses.add(f.get(10, java.util.concurrent.TimeUnit.SECONDS).ipv4Address());
      }
      assertThat(addresses).hasSize(20);
    } finally {
      pool.shutdownNow();
    }
    manager.close();
    manager = newManager(); // what a restarted engine reads back
    assertThat(new dev.jcompose.netmgr.state.StateFile(stateDir).load().endpointsOf("p_default"))
        .hasSize(20);
  }

  @Test
  void remove_whileAnAttachMakesItsVeth_refused() throws Exception {
    create("p_default", false);
    var entered = new java.util.concurrent.CountDownLatch(1);
    var proceed = new java.util.concurrent.CountDownLatch(1);
    manager.close();
    manager =
        new LinuxNetworkManager(
            stateDir,
            new LinuxNetworkManager.Parts(
                new BlockingLinks(links, entered, proceed), firewall, dns, new PortProxies(vertx)));
    manager.start();
    var attaching =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> attach("c1", "p_default", null));
    assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> manager.remove("p_default"))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("being attached");
    assertThat(attach("c2", "p_default", null).ipv4Address())
        .isEqualTo("172.29.0.3"); // .2 is reserved for c1
    proceed.countDown();
    assertThat(attaching.get(10, java.util.concurrent.TimeUnit.SECONDS).ipv4Address())
        .isEqualTo("172.29.0.2");
  }

  /** Delegates, holding the first attachVeth until released. */
  private static final class BlockingLinks implements dev.jcompose.netmgr.link.LinkOps {
    private final RecordingLinkOps d;
    private final java.util.concurrent.CountDownLatch entered;
    private final java.util.concurrent.CountDownLatch proceed;

    BlockingLinks(
        RecordingLinkOps d,
        java.util.concurrent.CountDownLatch entered,
        java.util.concurrent.CountDownLatch proceed) {
      this.d = d;
      this.entered = entered;
      this.proceed = proceed;
    }

    @Override
    public void ensureBridge(dev.jcompose.netmgr.link.BridgeConfig b) {
      d.ensureBridge(b);
    }

    @Override
    public void attachVeth(dev.jcompose.netmgr.link.VethConfig v) {
      if (entered.getCount() > 0) {
        entered.countDown();
        try {
          proceed.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      synchronized (d) {
        d.attachVeth(v);
      }
    }

    @Override
    public void attachSublink(dev.jcompose.netmgr.link.SublinkConfig l) {
      d.attachSublink(l);
    }

    @Override
    public synchronized void deleteLink(String name) {
      d.deleteLink(name);
    }

    @Override
    public boolean exists(String name) {
      return d.exists(name);
    }

    @Override
    public List<dev.jcompose.netmgr.link.LinkInfo> listLinks(String aliasPrefix) {
      return d.listLinks(aliasPrefix);
    }

    @Override
    public List<dev.jcompose.netmgr.ipam.TakenRange> hostRanges() {
      return d.hostRanges();
    }

    @Override
    public void setSysctl(String key, String value) {
      d.setSysctl(key, value);
    }

    @Override
    public String getSysctl(String key) {
      return d.getSysctl(key);
    }
  }

  private String e2Host(Endpoint e) {
    return new LinkNames(stateDir).veth(e.containerId(), e.networkName());
  }

  private NetworkInfo create(String name, boolean internal) {
    return manager.create(NetworkSpec.bridge(name, internal, List.of()));
  }

  private Endpoint attach(String container, String network, String ip, String... names) {
    return manager.attach(
        new AttachRequest(
            container,
            network,
            Path.of("/run/ns/" + container),
            null,
            ip,
            null,
            List.of(names),
            true));
  }
}
