package dev.jcompose.cli.door;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The door's framing: what a client writes the engine reads back whole, and nothing else. */
class DoorWireTest {
  private static final DoorWire.Request REQUEST =
      new DoorWire.Request(
          "/x/jcompose.jar|1|2;",
          List.of("-f", "a b.yaml", "ps", "--format", "{{.Name}}\t✓", ""),
          env(),
          "/tmp/ü dir",
          "UTF-8",
          "ANSI_X3.4-1968");

  private static Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/bin");
    env.put("EMPTY", "");
    env.put("MULTI", "line1\nline2=x");
    return env;
  }

  @Test
  void request_roundTrips() throws IOException {
    assertThat(DoorWire.decodeRequest(DoorWire.encode(REQUEST))).isEqualTo(REQUEST);
  }

  @Test
  void reply_roundTrips_keepingTheOrderOfStdoutAndStderr() throws IOException {
    DoorWire.Reply reply =
        new DoorWire.Reply(
            true,
            14,
            List.of(
                new DoorWire.Output(2, bytes("WARN[0000] x\n")),
                new DoorWire.Output(1, bytes("NAME\n")),
                new DoorWire.Output(2, new byte[] {0, (byte) 0xff})));
    DoorWire.Reply back = DoorWire.decodeReply(DoorWire.encode(reply));
    assertThat(back.hosted()).isTrue();
    assertThat(back.exitCode()).isEqualTo(14);
    assertThat(back.output()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(back.output().get(i).fd()).isEqualTo(reply.output().get(i).fd());
      assertThat(back.output().get(i).bytes()).isEqualTo(reply.output().get(i).bytes());
    }
    assertThat(DoorWire.decodeReply(DoorWire.encode(DoorWire.Reply.notHosted())).hosted())
        .isFalse();
  }

  @Test
  void damagedMessages_areErrors_neverPartialRequests() {
    byte[] good = DoorWire.encode(REQUEST);
    assertThatThrownBy(() -> DoorWire.decodeRequest(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> DoorWire.decodeRequest(Arrays.copyOf(good, good.length + 1)))
        .hasMessageContaining("trailing bytes");
    byte[] badMagic = good.clone();
    badMagic[0] = 'X';
    assertThatThrownBy(() -> DoorWire.decodeRequest(badMagic))
        .hasMessageContaining("not a jcompose door message");
    byte[] hugeLength = good.clone();
    hugeLength[4] = 0x7f; // the identity's length
    assertThatThrownBy(() -> DoorWire.decodeRequest(hugeLength)).hasMessageContaining("bad length");
    byte[] reply =
        DoorWire.encode(new DoorWire.Reply(true, 0, List.of(new DoorWire.Output(1, bytes("x")))));
    reply[13] = 3; // the chunk's file descriptor
    assertThatThrownBy(() -> DoorWire.decodeReply(reply))
        .hasMessageContaining("bad file descriptor");
  }

  @Test
  void identity_changesWithTheJarsSizeOrTime(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
    java.nio.file.Path jar = dir.resolve("jcompose.jar");
    java.nio.file.Files.writeString(jar, "one");
    java.nio.file.Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1000));
    String before = DoorWire.identity(jar.toString());
    java.nio.file.Files.writeString(jar, "two");
    java.nio.file.Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1000));
    assertThat(DoorWire.identity(jar.toString())).isEqualTo(before);
    java.nio.file.Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(2000));
    assertThat(DoorWire.identity(jar.toString())).isNotEqualTo(before);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
