package dev.jcompose.runtime.cgroup;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The eBPF {@code BPF_PROG_TYPE_CGROUP_DEVICE} program that enforces a device allow-list on cgroup
 * v2 (Documentation/admin-guide/cgroup-v2.rst "Device controller"), built instruction by
 * instruction as runc's devicefilter does: load type, access, major and minor from {@code struct
 * bpf_cgroup_dev_ctx}, then one block per rule that returns 1 (allow) when it matches, and 0 (deny)
 * after the last.
 */
final class DeviceProgram {
  private static final int LDX_W = 0x61; // BPF_LDX | BPF_MEM | BPF_W
  private static final int AND32_K = 0x54; // BPF_ALU | BPF_AND | BPF_K
  private static final int RSH32_K = 0x74; // BPF_ALU | BPF_RSH | BPF_K
  private static final int MOV64_X = 0xbf; // BPF_ALU64 | BPF_MOV | BPF_X
  private static final int MOV64_K = 0xb7; // BPF_ALU64 | BPF_MOV | BPF_K
  private static final int JNE_K = 0x55; // BPF_JMP | BPF_JNE | BPF_K
  private static final int EXIT = 0x95; // BPF_JMP | BPF_EXIT
  private static final int TYPE = 2;
  private static final int ACCESS = 3;
  private static final int MAJOR = 4;
  private static final int MINOR = 5;
  private static final int SCRATCH = 1;

  private record Insn(int code, int dst, int src, int off, int imm) {}

  private DeviceProgram() {}

  /** The program's instructions, 8 bytes each in host (little-endian) order. */
  static byte[] build(List<DeviceRule> allowed) {
    List<Insn> prog =
        new ArrayList<>(
            List.of(
                new Insn(LDX_W, TYPE, 1, 0, 0), new Insn(AND32_K, TYPE, 0, 0, 0xffff),
                new Insn(LDX_W, ACCESS, 1, 0, 0), new Insn(RSH32_K, ACCESS, 0, 0, 16),
                new Insn(LDX_W, MAJOR, 1, 4, 0), new Insn(LDX_W, MINOR, 1, 8, 0)));
    allowed.forEach(r -> prog.addAll(block(r)));
    prog.add(new Insn(MOV64_K, 0, 0, 0, 0));
    prog.add(new Insn(EXIT, 0, 0, 0, 0));
    ByteBuffer out = ByteBuffer.allocate(prog.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (Insn i : prog) {
      out.put((byte) i.code())
          .put((byte) (i.src() << 4 | i.dst()))
          .putShort((short) i.off())
          .putInt(i.imm());
    }
    return out.array();
  }

  /** Tests that skip to the next block on a mismatch, then "return 1". */
  private static List<Insn> block(DeviceRule r) {
    List<int[]> tests = new ArrayList<>(); // {register, value}
    List<Insn> out = new ArrayList<>();
    if (r.type() != 'a') {
      tests.add(new int[] {TYPE, r.type() == 'b' ? 1 : 2}); // BPF_DEVCG_DEV_BLOCK / _CHAR
    }
    int access = accessBits(r.access());
    if (r.major() != DeviceRule.ANY) {
      tests.add(new int[] {MAJOR, (int) r.major()});
    }
    if (r.minor() != DeviceRule.ANY) {
      tests.add(new int[] {MINOR, (int) r.minor()});
    }
    int length = tests.size() + (access == 7 ? 0 : 3) + 2;
    for (int[] t : tests) {
      out.add(new Insn(JNE_K, t[0], 0, length - out.size() - 1, t[1]));
    }
    if (access != 7) { // requested access must be within the rule's: (access & ~allowed) == 0
      out.add(new Insn(MOV64_X, SCRATCH, ACCESS, 0, 0));
      out.add(new Insn(AND32_K, SCRATCH, 0, 0, ~access & 7));
      out.add(new Insn(JNE_K, SCRATCH, 0, length - out.size() - 1, 0));
    }
    out.add(new Insn(MOV64_K, 0, 0, 0, 1));
    out.add(new Insn(EXIT, 0, 0, 0, 0));
    return out;
  }

  /** BPF_DEVCG_ACC_MKNOD = 1, READ = 2, WRITE = 4. */
  private static int accessBits(String access) {
    int bits = 0;
    for (int i = 0; i < access.length(); i++) {
      char c = access.charAt(i);
      bits |= c == 'm' ? 1 : c == 'r' ? 2 : 4;
    }
    return bits;
  }
}
