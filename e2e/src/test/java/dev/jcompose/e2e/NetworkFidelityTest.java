package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, the network part: drivers (macvlan, ipvlan, docker's host and none), IPv6, IPAM pools
 * and docker's bridge options, published port ranges with replicas and external networks, through
 * the CLI as a user types it. Every packet stays on this machine: the macvlan parent is a veth
 * whose other end is a namespace of the test ({@link TestLan}).
 */
@Tag("root")
class NetworkFidelityTest extends OneProjectPerTest {

  @BeforeEach
  void guard() {
    HostChecks.egressGuard();
  }

  @Test
  void macvlan_containersOnTheParentsLan_reachItsHostAndEachOther() {
    try (TestLan lan = TestLan.create()) {
      jc = Jcompose.fixture("netmacvlan").withEnv("LAN_PARENT", lan.parent);
      jc.run(180, "up", "-d").assertOk();

      assertThat(hostView("gate")).contains("macvlan mode bridge");
      assertThat(exec("gate", "cat", "/sys/class/net/eth0/address")).contains("02:42:c0:a8:4d:0a");
      assertThat(exec("gate", "ip", "-4", "addr", "show", "eth0")).contains("192.168.77.10/24");
      assertThat(exec("gate", "ip", "route")).contains("default via 192.168.77.1 dev eth0");
      assertThat(exec("peer", "ip", "-4", "addr", "show", "eth0"))
          .contains("192.168.77.128/24"); // ip_range
      assertThat(ping("gate", TestLan.HOST)).as("the LAN's host").isZero();
      assertThat(ping("gate", "192.168.77.128")).as("a sibling on the same parent").isZero();
      assertThat(hostView("hermit")).contains("macvlan mode bridge");
      assertThat(exec("hermit", "ip", "route"))
          .doesNotContain("default"); // no parent: internal, as docker
      jc.run("down", "-t", "1").assertOk();
    }
  }

  @Test
  void ipvlan_l3_routesOutOfItsLink_orIsRefusedOutLoud() {
    try (TestLan lan = TestLan.create()) {
      jc = Jcompose.fixture("netipvlan").withEnv("LAN_PARENT", lan.parent);
      Jcompose.Result up = jc.run(180, "up", "-d");
      if (!lan.kernelHas("ipvlan")) {
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.stderr()).contains("this kernel has no ipvlan support");
        assertThat(jc.run("ps", "-a", "-q").stdout()).isBlank();
        return;
      }
      up.assertOk();
      assertThat(hostView("routed")).containsPattern("ipvlan +mode l3");
      assertThat(exec("routed", "ip", "route")).contains("default dev eth0");
      jc.run("down", "-t", "1").assertOk();
    }
  }

  @Test
  void ipv6_addressesRoutesAaaaAndTrafficOverIt() {
    jc = Jcompose.fixture("netipv6");
    jc.run(180, "up", "-d").assertOk();

    assertThat(exec("web", "ip", "-6", "addr", "show", "eth0")).contains("inet6 fd00:77::10/64");
    assertThat(exec("client", "nslookup", "-type=AAAA", "web")).contains("fd00:77::10");
    assertThat(exec("client", "ping6", "-c", "1", "-W", "3", "fd00:77::10"))
        .contains("1 packets received");
    assertThat(exec("client", "wget", "-qO-", "http://[fd00:77::10]/index.html"))
        .contains("over-v6");
    // gw_priority makes v6net the gateway network (without it dockerd picks by name: auto6)
    assertThat(exec("client", "ip", "-6", "route")).contains("default via fd00:77::1 dev eth0");
    // the network without a subnet: a /64 of the engine's unique local prefix
    assertThat(exec("client", "ip", "-6", "addr", "show", "eth1"))
        .containsPattern("inet6 fd[0-9a-f]{2}:[0-9a-f:]+/64 scope global");
  }

  @Test
  void bridgeOptions_nameIccMtuPrefixAuxInterfaceNameAndLinkLocalIps_applied() throws IOException {
    jc = Jcompose.fixture("netbridgeopts");
    jc.run(180, "up", "-d").assertOk();

    assertThat(Files.readString(Path.of("/sys/class/net/jcoptbr0/mtu")).strip()).isEqualTo("1400");
    String links = exec("a", "ip", "link");
    assertThat(links).contains("lan0@", "tag0@").doesNotContain("eth0");
    assertThat(exec("a", "ip", "link", "show", "lan0")).contains("mtu 1400");
    // the range's first two addresses: .64 is the printer's (aux_addresses). Which container gets
    // which depends on the order they attach, as with dockerd (it allocates at start)
    String a = lan0Address("a");
    String b = lan0Address("b");
    assertThat(Set.of(a, b)).containsExactlyInAnyOrder("172.30.78.65", "172.30.78.66");
    assertThat(exec("b", "ip", "-4", "addr", "show", "lan0")).contains("inet 169.254.8.8/16");
    assertThat(ping("a", "172.30.78.1")).as("the gateway").isZero();
    assertThat(ping("a", b)).as("another container, icc off").isNotZero();
  }

  @Test
  void portRange_eachReplicaItsOwnPortOfTheRange() throws Exception {
    int base = freeRange(3);
    jc =
        Jcompose.fixture("netportrange")
            .withEnv("BASE", Integer.toString(base))
            .withEnv("END", Integer.toString(base + 2));
    jc.run(180, "up", "-d").assertOk();

    // replicas are created side by side, so which one gets which port of the range depends on the
    // order they attach, as with dockerd; each gets its own
    Set<String> bindings = new HashSet<>();
    Set<String> hostnames = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      String binding =
          jc.run("port", "--index", Integer.toString(i), "web", "80").assertOk().stdout().strip();
      bindings.add(binding);
      hostnames.add(get("http://" + binding + "/index.html"));
    }
    assertThat(bindings)
        .containsExactlyInAnyOrder(
            "127.0.0.1:" + base, "127.0.0.1:" + (base + 1), "127.0.0.1:" + (base + 2));
    assertThat(hostnames).hasSize(3);
  }

  @Test
  void externalNetworkOrVolumeMissing_refusedAndNothingCreated() {
    jc = Jcompose.fixture("netexternal");
    Jcompose.Result up = jc.run(120, "up", "-d");
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.stderr())
        .contains("network corp_net declared as external, but could not be found");
    assertThat(jc.run("ps", "-a", "-q").stdout()).isBlank();

    try (Jcompose vol = jc.sibling("volexternal")) {
      Jcompose.Result upVol = vol.run(120, "up", "-d");
      assertThat(upVol.exitCode()).isEqualTo(1);
      assertThat(upVol.stderr()).contains("external volume \"corp_data\" not found");
      assertThat(vol.run("volume", "ls", "-q").stdout()).doesNotContain("corp_data");
    }
  }

  @Test
  void externalHostAndNoneNetworks_areTheContainersNetworkMode() throws IOException {
    jc = Jcompose.fixture("nethost");
    jc.run(180, "up", "-d").assertOk();

    assertThat(exec("onhost", "readlink", "/proc/self/ns/net").strip())
        .isEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString());
    assertThat(exec("nowhere", "ip", "-o", "link").strip().lines())
        .singleElement()
        .asString()
        .contains("lo:");
  }

  private String exec(String service, String... command) {
    String[] args = new String[command.length + 3];
    args[0] = "exec";
    args[1] = "-T";
    args[2] = service;
    System.arraycopy(command, 0, args, 3, command.length);
    return jc.run(args).assertOk().stdout();
  }

  /**
   * eth0 of the service's first container as the host's iproute2 shows it (busybox's ip prints no
   * link kind), from inside the container's network namespace.
   */
  private String hostView(String service) {
    long init = HostProcesses.initOf(jc, jc.projectDir.getFileName() + "-" + service + "-1");
    return TestLan.run(
        "nsenter", "-t", Long.toString(init), "-n", "ip", "-d", "link", "show", "eth0");
  }

  private String lan0Address(String service) {
    String addr = exec(service, "ip", "-4", "-o", "addr", "show", "lan0");
    Matcher m = Pattern.compile("inet (\\S+)/24").matcher(addr);
    assertThat(m.find()).as(addr).isTrue();
    return m.group(1);
  }

  private int ping(String service, String address) {
    return jc.run("exec", "-T", service, "ping", "-c", "1", "-W", "2", address).exitCode();
  }

  private static String get(String url) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The first port of {@code n} consecutive ones that are free on the loopback now. */
  private static int freeRange(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket s = new ServerSocket(0)) {
        base = s.getLocalPort();
      }
      if (base + n > 65535) {
        continue;
      }
      boolean free = true;
      for (int p = base; p < base + n && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          free = s.getLocalPort() == p;
        } catch (IOException e) {
          free = false;
        }
      }
      if (free) {
        return base;
      }
    }
    throw new IOException("no " + n + " consecutive free ports found");
  }
}
