package dev.jcompose.runtime.seccomp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Classic BPF (linux/filter.h {@code struct sock_filter}) with symbolic forward jumps. Conditional
 * jumps reach at most 255 instructions; {@link #assemble} routes longer ones through an
 * unconditional {@code ja} placed right after the jump (which never falls through), repeating until
 * every offset fits. Not thread-safe; one program per instance.
 */
final class BpfAssembler {
  /** A jump target; bind it exactly once, before the instruction it names. */
  static final class Label {}

  static final int MAX_INSNS = 4096; // BPF_MAXINSNS
  private static final int LD_W_ABS = 0x20;
  private static final int ALU_AND_K = 0x54;
  private static final int JA = 0x05;
  private static final int JEQ_K = 0x15;
  private static final int JGT_K = 0x25;
  private static final int JGE_K = 0x35;
  private static final int RET_K = 0x06;

  private sealed interface Item permits Mark, Op {}

  private record Mark(Label label) implements Item {}

  private static final class Op implements Item {
    final int code;
    final int k;
    Label jt;
    Label jf;

    Op(int code, int k, Label jt, Label jf) {
      this.code = code;
      this.k = k;
      this.jt = jt;
      this.jf = jf;
    }

    boolean conditional() {
      return jf != null;
    }
  }

  private final List<Item> items = new ArrayList<>();

  Label label() {
    return new Label();
  }

  void bind(Label l) {
    items.add(new Mark(l));
  }

  /** A = the 32-bit word at {@code offset} of struct seccomp_data. */
  void load(int offset) {
    items.add(new Op(LD_W_ABS, offset, null, null));
  }

  void and(int k) {
    items.add(new Op(ALU_AND_K, k, null, null));
  }

  void ret(int k) {
    items.add(new Op(RET_K, k, null, null));
  }

  void jump(Label target) {
    items.add(new Op(JA, 0, target, null));
  }

  void jeq(int k, Label t, Label f) {
    items.add(new Op(JEQ_K, k, t, f));
  }

  /** Unsigned A &gt; k. */
  void jgt(int k, Label t, Label f) {
    items.add(new Op(JGT_K, k, t, f));
  }

  /** Unsigned A &gt;= k. */
  void jge(int k, Label t, Label f) {
    items.add(new Op(JGE_K, k, t, f));
  }

  /** The program as the kernel takes it: 8 bytes per instruction in host (little-endian) order. */
  byte[] assemble() {
    while (relax()) {
      // a pass inserts every trampoline it finds needed; offsets only grow, so this ends
    }
    Map<Label, Integer> pos = positions();
    List<Op> ops = items.stream().filter(Op.class::isInstance).map(Op.class::cast).toList();
    if (ops.size() > MAX_INSNS) {
      throw new ProfileException(
          "the seccomp filter needs "
              + ops.size()
              + " instructions, the kernel allows "
              + MAX_INSNS);
    }
    ByteBuffer out = ByteBuffer.allocate(ops.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < ops.size(); i++) {
      Op op = ops.get(i);
      out.putShort((short) op.code);
      if (op.conditional()) {
        out.put((byte) offset(pos, op.jt, i)).put((byte) offset(pos, op.jf, i)).putInt(op.k);
      } else {
        out.put((byte) 0).put((byte) 0).putInt(op.code == JA ? offset(pos, op.jt, i) : op.k);
      }
    }
    return out.array();
  }

  int size() {
    return (int) items.stream().filter(Op.class::isInstance).count();
  }

  /**
   * One pass over the program with the positions from its start: every conditional jump found out
   * of reach gets its trampoline. Insertions only lengthen jumps, so a jump found far stays far;
   * one that became far through this pass's insertions is caught by the next.
   */
  private boolean relax() {
    Map<Label, Integer> pos = positions();
    List<Item> out = new ArrayList<>(items.size() + 16);
    boolean changed = false;
    int index = 0;
    for (Item item : items) {
      out.add(item);
      if (!(item instanceof Op op)) {
        continue;
      }
      if (op.conditional()) {
        changed |= trampoline(op, true, pos, index, out);
        changed |= trampoline(op, false, pos, index, out);
      }
      index++;
    }
    items.clear();
    items.addAll(out);
    return changed;
  }

  private static boolean trampoline(
      Op op, boolean onTrue, Map<Label, Integer> pos, int index, List<Item> out) {
    Label target = onTrue ? op.jt : op.jf;
    if (offset(pos, target, index) <= 255) {
      return false;
    }
    Label hop = new Label();
    if (onTrue) {
      op.jt = hop;
    } else {
      op.jf = hop;
    }
    out.add(new Mark(hop));
    out.add(new Op(JA, 0, target, null));
    return true;
  }

  private Map<Label, Integer> positions() {
    Map<Label, Integer> pos = new HashMap<>();
    int index = 0;
    for (Item item : items) {
      if (item instanceof Mark m) {
        if (pos.put(m.label(), index) != null) {
          throw new IllegalStateException("label bound twice");
        }
      } else {
        index++;
      }
    }
    return pos;
  }

  private static int offset(Map<Label, Integer> pos, Label target, int from) {
    Integer to = pos.get(target);
    if (to == null || to <= from) {
      throw new IllegalStateException("jump to an unbound or earlier label");
    }
    return to - from - 1;
  }
}
