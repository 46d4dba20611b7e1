package dev.jcompose.netmgr.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcompose.netmgr.api.Endpoint;
import dev.jcompose.netmgr.api.NetworkException;
import dev.jcompose.netmgr.api.PortBinding;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("root")
class PortsRootTest extends RootFixture {

  @Test
  void publish_randomTcpPort_answersOn127001() throws Exception {
    network("p_web", false);
    TestNetns a = netns("a");
    Endpoint e = attach(a, "p_web", null, "web");
    Path docroot = Files.createDirectory(stateDir.resolve("www"));
    Files.writeString(docroot.resolve("index.html"), "hello from the netns\n");
    spawn(a, "busybox", "httpd", "-f", "-p", "80", "-h", docroot.toString());

    manager.publish(a.name(), List.of(new PortBinding("", 0, e.ipv4Address(), 80, "tcp")));
    int port = manager.published(a.name()).get(0).hostPort();

    assertThat(port).isPositive();
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(() -> httpGet("127.0.0.1", port).contains("hello from the netns"));
    assertThat(httpGet(hostAddress(), port)).contains("hello from the netns");
    TestNetns b = netns("b");
    attach(b, "p_web", null, "client");
    // busybox wget segfaults on this host; python's urllib is the client inside the netns.
    var hairpin =
        b.exec(
            "python3",
            "-c",
            "import urllib.request;print(urllib.request.urlopen('http://"
                + hostAddress()
                + ":"
                + port
                + "/index.html',timeout=5).read().decode())");
    assertThat(hairpin.stdout())
        .as("hairpin: a container reaches a published port on the host address")
        .contains("hello from the netns");
    manager.unpublish(a.name());
    assertThat(manager.published(a.name())).isEmpty();
  }

  @Test
  void publish_udpPort_reachesContainer() throws Exception {
    network("p_udp", false);
    TestNetns a = netns("a");
    Endpoint e = attach(a, "p_udp", null, "udp");
    // A UDP echo server in the container (busybox nc has no -u here).
    spawn(
        a,
        "python3",
        "-c",
        "import socket\ns=socket.socket(socket.AF_INET,socket.SOCK_DGRAM)\n"
            + "s.bind(('0.0.0.0',5000))\nwhile True:\n d,a=s.recvfrom(2048)\n s.sendto(b'echo:'+d,a)\n");
    manager.publish(
        a.name(), List.of(new PortBinding("127.0.0.1", 0, e.ipv4Address(), 5000, "udp")));
    int port = manager.published(a.name()).get(0).hostPort();

    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(500);
      byte[] msg = "ping-over-udp".getBytes(StandardCharsets.UTF_8);
      DatagramPacket reply = new DatagramPacket(new byte[100], 100);
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .until(
              () -> {
                s.send(new DatagramPacket(msg, msg.length, InetAddress.getLoopbackAddress(), port));
                s.receive(reply);
                return true;
              });
      assertThat(new String(reply.getData(), 0, reply.getLength(), StandardCharsets.UTF_8))
          .isEqualTo("echo:ping-over-udp");
    }
  }

  @Test
  void publish_portHeldByHostProcess_namesTheProcess() throws Exception {
    network("p_busy", false);
    TestNetns a = netns("a");
    Endpoint e = attach(a, "p_busy", null);
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("0.0.0.0", 0));
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  manager.publish(
                      a.name(),
                      List.of(
                          new PortBinding("", 0, e.ipv4Address(), 81, "tcp"),
                          new PortBinding("", port, e.ipv4Address(), 80, "tcp"))))
          .isInstanceOf(NetworkException.class)
          .hasMessageContaining("0.0.0.0:" + port + "->80/tcp")
          .hasMessageContaining("process " + ProcessHandle.current().pid() + " (java)");
    }
    assertThat(manager.published(a.name())).isEmpty();
  }

  @Test
  void publish_portHeldByOtherContainer_namesTheContainer() {
    network("p_two", false);
    TestNetns a = netns("a");
    TestNetns b = netns("b");
    Endpoint ea = attach(a, "p_two", null);
    Endpoint eb = attach(b, "p_two", null);
    manager.publish(a.name(), List.of(new PortBinding("", 0, ea.ipv4Address(), 80, "tcp")));
    int port = manager.published(a.name()).get(0).hostPort();

    assertThatThrownBy(
            () ->
                manager.publish(
                    b.name(),
                    List.of(new PortBinding("127.0.0.1", port, eb.ipv4Address(), 80, "tcp"))))
        .isInstanceOf(NetworkException.class)
        .hasMessageContaining("already published by container " + a.name());
  }

  /** The host's own source address towards its default gateway (not hard-coded: hosts differ). */
  private static String hostAddress() {
    String route =
        dev.jcompose.netmgr.sys.Exec.run(
            List.of("ip", "-o", "-4", "route", "get", "198.51.100.1"), "");
    String[] f = route.strip().split("\\s+");
    for (int i = 0; i < f.length - 1; i++) {
      if (f[i].equals("src")) {
        return f[i + 1];
      }
    }
    throw new IllegalStateException("no source address in: " + route);
  }

  private static String httpGet(String host, int port) throws Exception {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 3000);
      s.setSoTimeout(3000);
      OutputStream out = s.getOutputStream();
      out.write(
          ("GET /index.html HTTP/1.0\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
