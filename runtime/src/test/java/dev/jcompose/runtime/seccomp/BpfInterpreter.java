package dev.jcompose.runtime.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Runs a seccomp program the way the kernel's classic BPF interpreter does, for the instructions
 * the compiler emits, over one {@code struct seccomp_data}. Throws on anything else, so a test
 * notices an instruction the kernel would reject.
 */
final class BpfInterpreter {
  static final int AUDIT_X86_64 = 0xC000003E;
  static final int AUDIT_I386 = 0x40000003;
  static final int AUDIT_AARCH64 = 0xC00000B7;

  private final ByteBuffer prog;
  private final int length;

  BpfInterpreter(byte[] program) {
    this.prog = ByteBuffer.wrap(program).order(ByteOrder.LITTLE_ENDIAN);
    this.length = program.length / 8;
  }

  int instructions() {
    return length;
  }

  /** The filter's return value for syscall {@code nr} of ABI {@code arch} with {@code args}. */
  int run(int arch, long nr, long... args) {
    ByteBuffer data = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
    data.putInt(0, (int) nr).putInt(4, arch);
    for (int i = 0; i < args.length; i++) {
      data.putLong(16 + 8 * i, args[i]);
    }
    int a = 0;
    for (int pc = 0; pc < length; pc++) {
      int code = prog.getShort(pc * 8) & 0xffff;
      int jt = prog.get(pc * 8 + 2) & 0xff;
      int jf = prog.get(pc * 8 + 3) & 0xff;
      int k = prog.getInt(pc * 8 + 4);
      switch (code) {
        case 0x20 -> a = data.getInt(k);
        case 0x54 -> a &= k;
        case 0x06 -> {
          return k;
        }
        case 0x05 -> pc += k;
        case 0x15 -> pc += a == k ? jt : jf;
        case 0x25 -> pc += Integer.compareUnsigned(a, k) > 0 ? jt : jf;
        case 0x35 -> pc += Integer.compareUnsigned(a, k) >= 0 ? jt : jf;
        default ->
            throw new AssertionError(
                "unexpected opcode 0x" + Integer.toHexString(code) + " at " + pc);
      }
    }
    throw new AssertionError("fell off the end of the program");
  }
}
