package dev.jcompose.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcompose.testkit.HostChecks;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue "networks": one stack with three networks (a custom subnet, a plain one and an internal
 * one), checked through the CLI from inside its containers and from the host.
 */
@Tag("root")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkScenariosTest {
  private static final Pattern ADDRESS = Pattern.compile("Address:\\s*(\\d+\\.\\d+\\.\\d+\\.\\d+)");
  private Jcompose jc;

  @BeforeAll
  void upStack() throws Exception {
    HostChecks.egressGuard();
    jc = Jcompose.fixture("netstack");
    jc.run(180, "up", "-d").assertOk();
  }

  @AfterAll
  void downStack() {
    if (jc != null) {
      jc.close();
    }
    HostChecks.assertNoLeaks();
  }

  @Test
  void dns_serviceAliasAndContainerName_resolveAndAnswer() {
    for (String name : new String[] {"web", "www", "netstack-web-1"}) {
      assertThat(lookup("client", name)).as(name).isNotEmpty();
    }
    assertThat(jc.run("exec", "-T", "client", "ping", "-c", "1", "-W", "3", "web").exitCode())
        .isZero();
  }

  @Test
  void otherNetwork_cannotResolveNorReach() {
    String webIp = lookup("client", "web");
    assertThat(jc.run("exec", "-T", "outsider", "nslookup", "web").exitCode()).isNotZero();
    assertThat(jc.run("exec", "-T", "outsider", "ping", "-c", "1", "-W", "2", webIp).exitCode())
        .isNotZero();
  }

  @Test
  void internalNetwork_hasNoRouteOut() {
    String routes = jc.run("exec", "-T", "hermit", "ip", "route").assertOk().stdout();
    assertThat(routes).doesNotContain("default");
    assertThat(jc.run("exec", "-T", "hermit", "ping", "-c", "1", "-W", "2", "192.0.2.2").exitCode())
        .isNotZero();
  }

  @Test
  void publishedPort_answersOnLoopback() throws Exception {
    String binding = jc.run("port", "web", "80").assertOk().stdout().trim();
    assertThat(binding).startsWith("127.0.0.1:");
    int port = Integer.parseInt(binding.substring(binding.indexOf(':') + 1));
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest get =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
            .timeout(Duration.ofSeconds(10))
            .build();
    assertThat(http.send(get, HttpResponse.BodyHandlers.ofString()).body()).contains("hello-web");
  }

  @Test
  void fixedAddressAndCustomSubnet_honoured() {
    assertThat(
            jc.run("exec", "-T", "client", "ip", "-4", "addr", "show", "eth0").assertOk().stdout())
        .contains("172.30.250.10/24");
    assertThat(lookup("client", "web")).startsWith("172.30.250.");
  }

  @Test
  void twoReplicas_bothReturnedForServiceName() {
    String out = jc.run("exec", "-T", "client", "nslookup", "replica").assertOk().stdout();
    Matcher m = ADDRESS.matcher(out.substring(out.indexOf("replica")));
    int n = 0;
    while (m.find()) {
      n++;
    }
    assertThat(n).as(out).isEqualTo(2);
  }

  @Test
  void portConflict_failsNamingTheOwner_andLeavesNothing() throws IOException {
    try (ServerSocket held = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Jcompose other = jc.sibling("netconflict")) {
      Files.writeString(
          other.projectDir.resolve(".env"), "CONFLICT_PORT=" + held.getLocalPort() + "\n");
      Jcompose.Result up = other.run(120, "up", "-d");
      assertThat(up.exitCode()).isNotZero();
      assertThat(up.stderr()).contains(Integer.toString(held.getLocalPort())).contains("java");
      assertThat(other.run("ps", "-a", "-q").stdout()).isBlank();
    }
  }

  /** The first address {@code name} resolves to from {@code service}, or "" when it does not. */
  private String lookup(String service, String name) {
    Jcompose.Result r = jc.run("exec", "-T", service, "nslookup", name);
    if (r.exitCode() != 0) {
      return "";
    }
    Matcher m = ADDRESS.matcher(r.stdout().substring(Math.max(0, r.stdout().indexOf("Name:"))));
    return m.find() ? m.group(1) : "";
  }
}
