package dev.jcompose.runtime.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The device program run by a small eBPF interpreter over the kernel's bpf_cgroup_dev_ctx. */
class DeviceProgramTest {
  private static final int BLOCK = 1;
  private static final int CHAR = 2;
  private static final int MKNOD = 1;
  private static final int READ = 2;
  private static final int WRITE = 4;

  private final byte[] runcDefaults = DeviceProgram.build(DeviceRule.RUNC_DEFAULTS);

  @Test
  void runcDefaults_allowTheStandardNodes_andMknodOfAnything_butNoOtherAccess() {
    assertThat(run(runcDefaults, CHAR, READ | WRITE, 1, 3)).isTrue(); // /dev/null
    assertThat(run(runcDefaults, CHAR, READ, 136, 7)).isTrue(); // a pty
    assertThat(run(runcDefaults, CHAR, READ, 10, 200)).isTrue(); // tun
    assertThat(run(runcDefaults, BLOCK, MKNOD, 8, 0)).isTrue(); // mknod of a disk: allowed, as runc
    assertThat(run(runcDefaults, BLOCK, READ, 8, 0)).isFalse(); // opening it: denied
    assertThat(run(runcDefaults, CHAR, READ, 1, 1)).isFalse(); // /dev/mem
    assertThat(run(runcDefaults, CHAR, READ | MKNOD, 1, 2)).isFalse();
  }

  @Test
  void partialAccessAndWildcards() {
    byte[] prog =
        DeviceProgram.build(List.of(DeviceRule.parse("c 13:* r"), DeviceRule.parse("a 7:1 w")));
    assertThat(run(prog, CHAR, READ, 13, 64)).isTrue();
    assertThat(run(prog, CHAR, WRITE, 13, 64)).isFalse();
    assertThat(run(prog, BLOCK, READ, 13, 64)).isFalse();
    assertThat(run(prog, BLOCK, WRITE, 7, 1)).isTrue();
    assertThat(run(prog, CHAR, WRITE, 7, 1)).isTrue();
    assertThat(run(prog, CHAR, WRITE, 7, 2)).isFalse();
  }

  @Test
  void parse_dockerSyntax_andV1Lines() {
    assertThat(DeviceRule.parse("b *:* m"))
        .isEqualTo(new DeviceRule('b', DeviceRule.ANY, DeviceRule.ANY, "m"));
    assertThat(DeviceRule.parse("c 1:3 rwm").v1Line()).isEqualTo("c 1:3 rwm");
    assertThat(DeviceRule.ALL.allowsAll()).isTrue();
    assertThat(DeviceRule.parse("a *:* rw").allowsAll()).isFalse();
  }

  /** The instructions DeviceProgram emits, interpreted as the kernel would. */
  private static boolean run(byte[] prog, int type, int access, int major, int minor) {
    ByteBuffer b = ByteBuffer.wrap(prog).order(ByteOrder.LITTLE_ENDIAN);
    int[] ctx = {access << 16 | type, major, minor};
    long[] r = new long[11];
    for (int pc = 0; pc < prog.length / 8; pc++) {
      int code = b.get(pc * 8) & 0xff;
      int dst = b.get(pc * 8 + 1) & 0xf;
      int src = (b.get(pc * 8 + 1) >> 4) & 0xf;
      short off = b.getShort(pc * 8 + 2);
      int imm = b.getInt(pc * 8 + 4);
      switch (code) {
        case 0x61 -> r[dst] = ctx[off / 4] & 0xffffffffL;
        case 0x54 -> r[dst] = (r[dst] & imm) & 0xffffffffL;
        case 0x74 -> r[dst] = ((r[dst] & 0xffffffffL) >>> imm);
        case 0xbf -> r[dst] = r[src];
        case 0xb7 -> r[dst] = imm;
        case 0x55 -> pc += r[dst] != (imm & 0xffffffffL) ? off : 0;
        case 0x95 -> {
          return r[0] == 1;
        }
        default -> throw new AssertionError("opcode 0x" + Integer.toHexString(code));
      }
    }
    throw new AssertionError("no exit");
  }
}
