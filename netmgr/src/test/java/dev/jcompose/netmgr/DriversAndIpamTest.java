package dev.jcompose.netmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.AttachRequest;
import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.NetworkInfo;
import dev.jcompose.netmgr.api.NetworkSpec;
import dev.jcompose.netmgr.api.NetworkSpec.Driver;
import dev.jcompose.netmgr.api.NetworkSpec.Subnet;
import dev.jcompose.netmgr.api.PortBinding;
import dev.jcompose.netmgr.dns.RecordingDns;
import dev.jcompose.netmgr.firewall.RecordingFirewall;
import dev.jcompose.netmgr.ipam.IpAddress;
import dev.jcompose.netmgr.link.RecordingLinkOps;
import dev.jcompose.netmgr.ports.PortProxies;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Drivers, IPv6, several pools and driver options, decided against recording fakes: no root, no
 * kernel.
 */
class DriversAndIpamTest {
  @TempDir Path stateDir;
  private final RecordingLinkOps links = new RecordingLinkOps();
  private final RecordingFirewall firewall = new RecordingFirewall();
  private final RecordingDns dns = new RecordingDns();
  private Vertx vertx;
  private LinuxNetworkManager manager;

  @BeforeEach
  void setUp() {
    vertx = Vertx.vertx();
    manager =
        new LinuxNetworkManager(
            stateDir, new LinuxNetworkManager.Parts(links, firewall, dns, new PortProxies(vertx)));
    manager.start();
  }

  @AfterEach
  void tearDown() {
    manager.close();
    vertx.close();
  }

  @Test
  void ipv6_configuredSubnet_bridgeBothGatewaysEndpointBothAddressesAndAaaa() throws Exception {
    NetworkInfo net =
        create(spec("p_v6", Driver.BRIDGE, true, Map.of(), new Subnet("fd00:42::/64", null, null)));
    Endpoint web = attach("c1", "p_v6", null, null, "web");
    attach("c2", "p_v6", null, "fd00:42::99", "db");

    assertThat(net.subnet6()).isEqualTo("fd00:42::/64");
    assertThat(net.gateway6()).isEqualTo("fd00:42::1");
    assertThat(links.calls.get(0))
        .isEqualTo("bridge " + net.bridge() + " 172.29.0.1/24 fd00:42::1/64 mtu 1500");
    assertThat(links.calls).contains("sysctl net.ipv6.conf.all.forwarding=1");
    assertThat(web.ipv6Address()).isEqualTo("fd00:42::2");
    assertThat(web.gateway6()).isEqualTo("fd00:42::1");
    assertThat(links.calls)
        .anyMatch(
            c ->
                c.contains("/run/ns/c1 eth0 172.29.0.2/24 fd00:42::2/64")
                    && c.endsWith("default6 fd00:42::1"));
    assertThat(dns.resolve("p_v6", "172.29.0.2", "db", Type.AAAA))
        .extracting(a -> IpAddress.parse(a).toString())
        .containsExactly("fd00:42::99");
    assertThat(dns.resolve("p_v6", "172.29.0.2", "db")).containsExactly("172.29.0.3");
    assertThat(
            dns.resolve(
                "p_v6",
                "172.29.0.2",
                "9.9.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.4.0.0.0.0.d.f.ip6.arpa",
                Type.PTR))
        .containsExactly("db.");
    assertThat(firewall.rules)
        .contains("ip6 saddr fd00:42::/64", "meta nfproto ipv6 iifname != \"jcb*\"");
  }

  @Test
  void linkLocalIps_addedBesideTheIpamAddresses_withMobysMasks() {
    create(spec("p_ll", Driver.BRIDGE, false, Map.of(), new Subnet("172.31.9.0/24", null, null)));
    manager.attach(
        new AttachRequest(
            "c1",
            "p_ll",
            Path.of("/run/ns/c1"),
            null,
            null,
            null,
            null,
            List.of("web"),
            true,
            List.of(),
            List.of("169.254.8.8", "fe80::8")));

    assertThat(links.calls)
        .anyMatch(
            c ->
                c.contains("/run/ns/c1 eth0 172.31.9.2/24")
                    && c.endsWith("linklocal 169.254.8.8/16 fe80::8/64"));
    assertThatThrownBy(
            () ->
                manager.attach(
                    new AttachRequest(
                        "c2",
                        "p_ll",
                        Path.of("/run/ns/c2"),
                        null,
                        null,
                        null,
                        null,
                        List.of("db"),
                        true,
                        List.of(),
                        List.of("not-an-ip"))))
        .hasMessageContaining("invalid link-local IP address: not-an-ip");
  }

  @Test
  void ipv6_withoutSubnet_slash64OfTheEnginesUniqueLocalPrefix() {
    NetworkInfo net = create(spec("p_v6", Driver.BRIDGE, true, Map.of()));

    assertThat(net.subnet6()).matches("fd[0-9a-f]{2}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::/64");
  }

  @Test
  void ipv6Subnet_withoutEnableIpv6_ignoredAsDockerdDoes() {
    NetworkInfo net =
        create(spec("p", Driver.BRIDGE, false, Map.of(), new Subnet("fd00:42::/64", null, null)));

    assertThat(net.subnet6()).isNull();
    assertThatThrownBy(() -> attach("c1", "p", null, "fd00:42::5"))
        .hasMessageContaining("has no IPv6 (enable_ipv6 is not set)");
  }

  @Test
  void bridge_twoIpv4Pools_refusedWithDockersWords() {
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of(),
                        new Subnet("10.10.0.0/24", null, null),
                        new Subnet("10.10.1.0/24", null, null))))
        .hasMessage("network 'p': bridge driver doesn't support multiple subnets");
  }

  @Test
  void subnetWithHostBits_orGatewayOutside_refusedAsDockerdDoes() {
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of(),
                        new Subnet("10.10.10.0/8", null, null))))
        .hasMessage("invalid subnet 10.10.10.0/8: it should be 10.0.0.0/8");
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of(),
                        new Subnet("10.10.0.0/24", null, "10.20.0.1"))))
        .hasMessage(
            "invalid gateway 10.20.0.1: parent subnet 10.10.0.0/24 doesn't contain this address");
  }

  @Test
  void auxAddresses_neverHandedOut_defaultGatewayKeyRoutesContainers() {
    create(
        spec(
            "p",
            Driver.BRIDGE,
            false,
            Map.of(),
            new Subnet(
                "10.10.0.0/24",
                null,
                null,
                Map.of("router", "10.10.0.2", "DefaultGatewayIPv4", "10.10.0.254"))));
    Endpoint e = attach("c1", "p", null, null);

    assertThat(e.ipv4Address()).isEqualTo("10.10.0.3");
    assertThat(e.gateway()).isEqualTo("10.10.0.254");
    assertThat(links.calls.get(links.calls.size() - 1)).endsWith("default 10.10.0.254");
    assertThatThrownBy(() -> attach("c2", "p", "10.10.0.2", null))
        .hasMessageContaining("auxiliary address router");
  }

  @Test
  void macvlan_onParent_sublinkWithRoute_noBridgeNoRulesNoGatewayDns() {
    links.hostLinks.add("eth7");
    NetworkInfo net =
        create(
            spec(
                "p_lan",
                Driver.MACVLAN,
                false,
                Map.of("parent", "eth7"),
                new Subnet("192.168.50.0/24", "192.168.50.128/25", "192.168.50.1")));
    Endpoint e = attach("c1", "p_lan", null, null, "web");

    assertThat(net.driver()).isEqualTo("macvlan");
    assertThat(net.bridge()).isNull();
    assertThat(e.ipv4Address()).isEqualTo("192.168.50.128");
    assertThat(e.dnsServer()).isNull();
    assertThat(links.calls)
        .containsExactly(
            "macvlan of eth7 mode bridge -> /run/ns/c1 eth0 192.168.50.128/24 mac 02:42:c0:a8:32:80 mtu 0 default 192.168.50.1");
    assertThat(dns.listening).isEmpty();
    assertThat(firewall.rules).doesNotContain("192.168.50");
  }

  @Test
  void macvlan_hostRouteOfTheLan_isNoConflict_butAnotherNetworkIs() {
    links.hostLinks.add("eth7");
    create(
        spec(
            "p_lan",
            Driver.MACVLAN,
            false,
            Map.of("parent", "eth7"),
            new Subnet("192.0.2.0/24", null, null)));

    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p_lan2",
                        Driver.MACVLAN,
                        false,
                        Map.of("parent", "eth7"),
                        new Subnet("192.0.2.0/25", null, null))))
        .hasMessageContaining("overlaps network 'p_lan'");
  }

  @Test
  void macvlan_withoutParent_standInBridgeAndInternal() {
    NetworkInfo net = create(spec("p_solo", Driver.MACVLAN, false, Map.of()));
    attach("c1", "p_solo", null, null);

    assertThat(net.internal()).isTrue();
    assertThat(links.calls.get(0)).matches("bridge jcp[0-9a-f]{10} null mtu 1500 internal");
    assertThat(links.calls.get(1))
        .matches("macvlan of jcp[0-9a-f]{10} mode bridge -> .* default null");
    manager.release("c1");
    manager.remove("p_solo");
    assertThat(links.links).isEmpty();
  }

  @Test
  void macvlan_missingParent_orBadMode_refused() {
    assertThatThrownBy(() -> create(spec("p", Driver.MACVLAN, false, Map.of("parent", "eth0.50"))))
        .hasMessageContaining("-o parent interface was not found on the host: eth0.50")
        .hasMessageContaining("VLAN sub-interfaces");
    assertThatThrownBy(
            () -> create(spec("p", Driver.MACVLAN, false, Map.of("macvlan_mode", "fast"))))
        .hasMessageContaining("requested macvlan mode 'fast' is not valid");
    assertThatThrownBy(() -> create(spec("p", Driver.MACVLAN, false, Map.of("parent", "lo"))))
        .hasMessageContaining("loopback interface is not a valid macvlan parent link");
  }

  @Test
  void macvlan_severalPools_fixedAddressFromItsPool_elseFirstWithRoom() {
    links.hostLinks.add("eth7");
    create(
        spec(
            "p_lan",
            Driver.MACVLAN,
            false,
            Map.of("parent", "eth7"),
            new Subnet("10.30.0.0/30", null, null),
            new Subnet("10.30.1.0/24", null, null)));

    assertThat(attach("c1", "p_lan", null, null).ipv4Address()).isEqualTo("10.30.0.2");
    assertThat(attach("c2", "p_lan", null, null).ipv4Address()).isEqualTo("10.30.1.2");
    assertThat(attach("c3", "p_lan", "10.30.1.77", null).gateway()).isEqualTo("10.30.1.1");
  }

  @Test
  void ipvlanL3_defaultRouteOutOfTheLink_andNoMacOfItsOwn() {
    links.hostLinks.add("eth7");
    create(spec("p_l3", Driver.IPVLAN, false, Map.of("parent", "eth7", "ipvlan_mode", "l3")));
    attach("c1", "p_l3", null, null);

    assertThat(links.calls)
        .containsExactly(
            "ipvlan of eth7 mode l3 flag bridge -> /run/ns/c1 eth0 172.29.0.2/24 mac null mtu 0 default dev eth0");
    assertThatThrownBy(
            () ->
                manager.attach(
                    new AttachRequest(
                        "c2",
                        "p_l3",
                        Path.of("/run/ns/c2"),
                        null,
                        null,
                        null,
                        "02:42:00:00:00:09",
                        List.of(),
                        true,
                        List.of())))
        .hasMessageContaining("share their parent's MAC address");
  }

  @Test
  void bridgeOptions_nameIccMasqueradeMtuPrefix_applied() {
    NetworkInfo net =
        create(
            spec(
                "p",
                Driver.BRIDGE,
                false,
                Map.of(
                    "com.docker.network.bridge.name",
                    "br-app",
                    "com.docker.network.bridge.enable_icc",
                    "false",
                    "com.docker.network.bridge.enable_ip_masquerade",
                    "0",
                    "com.docker.network.driver.mtu",
                    "1400",
                    "com.docker.network.container_iface_prefix",
                    "lan")));
    attach("c1", "p", null, null);

    assertThat(net.bridge()).isEqualTo("br-app");
    assertThat(links.calls.get(0)).isEqualTo("bridge br-app 172.29.0.1/24 mtu 1400");
    assertThat(links.calls)
        .anyMatch(
            c ->
                c.contains("master br-app isolated -> /run/ns/c1 lan0 ") && c.contains("mtu 1400"));
    assertThat(firewall.rules)
        .doesNotContain("masquerade")
        .contains("oifname { \"jcb*\", \"br-app\" }");
  }

  @Test
  void bridgeOptions_badValues_refusedWithDockersParseError() {
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of("com.docker.network.bridge.enable_icc", "yes"))))
        .hasMessage(
            "failed to parse com.docker.network.bridge.enable_icc value: yes (strconv.ParseBool: parsing \"yes\": invalid syntax)");
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of("com.docker.network.bridge.gateway_mode_ipv4", "isolated"))))
        .hasMessageContaining("gateway mode 'isolated' can only be used for an internal network");
    links.hostLinks.add("eth0");
    assertThatThrownBy(
            () ->
                create(
                    spec(
                        "p",
                        Driver.BRIDGE,
                        false,
                        Map.of("com.docker.network.bridge.name", "eth0"))))
        .hasMessageContaining("interface eth0 already exists");
  }

  @Test
  void inhibitIpv4_bridgeWithoutAddress_noGatewayDns() {
    create(
        spec("p", Driver.BRIDGE, false, Map.of("com.docker.network.bridge.inhibit_ipv4", "true")));

    assertThat(links.calls.get(0)).matches("bridge jcb[0-9a-f]{10} null mtu 1500");
    assertThat(dns.listening).isEmpty();
  }

  @Test
  void interfaceNames_explicitThenLowestFreeOfThePrefix() {
    create(spec("p_a", Driver.BRIDGE, false, Map.of()));
    create(spec("p_b", Driver.BRIDGE, false, Map.of()));
    create(spec("p_c", Driver.BRIDGE, false, Map.of()));
    Endpoint first =
        manager.attach(
            new AttachRequest(
                "c1",
                "p_a",
                Path.of("/run/ns/c1"),
                "eth0",
                null,
                null,
                null,
                List.of(),
                true,
                List.of()));
    Endpoint named =
        manager.attach(
            new AttachRequest(
                "c1",
                "p_b",
                Path.of("/run/ns/c1"),
                "backend",
                null,
                null,
                null,
                List.of(),
                false,
                List.of()));
    Endpoint next =
        manager.attach(
            new AttachRequest(
                "c1",
                "p_c",
                Path.of("/run/ns/c1"),
                null,
                null,
                null,
                null,
                List.of(),
                false,
                List.of()));

    assertThat(List.of(first.ifName(), named.ifName(), next.ifName()))
        .containsExactly("eth0", "backend", "eth1");
  }

  @Test
  void publish_hostRange_eachReplicaItsOwnPort_andHostBindingIp() throws Exception {
    create(
        spec(
            "p",
            Driver.BRIDGE,
            false,
            Map.of("com.docker.network.bridge.host_binding_ipv4", "127.0.0.1")));
    int base;
    try (ServerSocket s = new ServerSocket(0)) {
      base = s.getLocalPort();
    }
    for (int i = 1; i <= 3; i++) {
      Endpoint e = attach("c" + i, "p", null, null);
      manager.publish(
          "c" + i, List.of(new PortBinding("", base, base + 2, e.ipv4Address(), 80, "tcp")));
    }

    assertThat(List.of(port("c1"), port("c2"), port("c3")))
        .containsExactly(base, base + 1, base + 2);
    assertThat(manager.published("c1").get(0).hostIp()).isEqualTo("127.0.0.1");
    Endpoint e4 = attach("c4", "p", null, null);
    assertThatThrownBy(
            () ->
                manager.publish(
                    "c4",
                    List.of(new PortBinding("", base, base + 2, e4.ipv4Address(), 80, "tcp"))))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining(base + "-" + (base + 2) + "->80/tcp")
        .hasMessageContaining("every port of the range is already in use");
  }

  @Test
  void restart_keepsDriversPoolsAndOptions() {
    links.hostLinks.add("eth7");
    create(
        spec(
            "p_lan",
            Driver.MACVLAN,
            false,
            Map.of("parent", "eth7"),
            new Subnet("192.168.50.0/24", null, null)));
    create(
        spec("p_v6", Driver.BRIDGE, true, Map.of("com.docker.network.bridge.enable_icc", "false")));
    attach("c1", "p_lan", null, null);
    manager.close();

    manager =
        new LinuxNetworkManager(
            stateDir, new LinuxNetworkManager.Parts(links, firewall, dns, new PortProxies(vertx)));
    manager.start();

    assertThat(manager.list()).extracting(NetworkInfo::driver).containsExactly("macvlan", "bridge");
    assertThat(manager.list().get(1).subnet6()).isNotNull();
    assertThat(attach("c2", "p_lan", null, null).ipv4Address())
        .isEqualTo("192.168.50.2"); // c1's netns is gone: .2 is free again
  }

  private int port(String container) {
    return manager.published(container).get(0).hostPort();
  }

  private NetworkInfo create(NetworkSpec spec) {
    return manager.create(spec);
  }

  private static NetworkSpec spec(
      String name, Driver driver, boolean ipv6, Map<String, String> opts, Subnet... subnets) {
    return new NetworkSpec(name, driver, false, ipv6, List.of(subnets), opts, Map.of());
  }

  private Endpoint attach(
      String container, String network, String ip, String ip6, String... names) {
    return manager.attach(
        new AttachRequest(
            container,
            network,
            Path.of("/run/ns/" + container),
            null,
            ip,
            ip6,
            null,
            List.of(names),
            true,
            List.of()));
  }
}
