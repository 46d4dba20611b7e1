package dev.jcompose.netmgr.ports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortOwnersTest {

  @Test
  void describe_listeningSocketOfThisJvm_namesPidAndComm() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String owner = new PortOwners(Path.of("/proc")).describe("tcp", s.getLocalPort());

      assertThat(owner).isEqualTo("process " + ProcessHandle.current().pid() + " (java)");
    }
  }

  @Test
  void describe_noSuchPort_anotherProcess(@TempDir Path fakeProc) throws IOException {
    Files.createDirectories(fakeProc.resolve("net"));
    Files.writeString(
        fakeProc.resolve("net/tcp"),
        "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
            + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 4242 1\n");

    assertThat(new PortOwners(fakeProc).inode("tcp", 8080)).contains("4242");
    assertThat(new PortOwners(fakeProc).describe("tcp", 8080)).isEqualTo("another process");
    assertThat(new PortOwners(fakeProc).describe("tcp", 9090)).isEqualTo("another process");
  }
}
