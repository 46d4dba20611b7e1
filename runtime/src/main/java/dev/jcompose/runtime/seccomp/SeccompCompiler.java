package dev.jcompose.runtime.seccomp;

import dev.jcompose.runtime.seccomp.BpfAssembler.Label;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a {@link FilterSpec} to a classic BPF seccomp program with the behaviour of runc +
 * libseccomp: the architecture is checked first (others: KILL, libseccomp's bad-arch action; on
 * x86_64 a number with the x32 bit is x32's, or a bad arch when x32 is not allowed); a syscall with
 * rules takes the first rule whose conditions hold (an unconditional rule wins), else the default;
 * numbers above the highest the profile names on an ABI get ENOSYS, as runc's patchbpf stub does,
 * so that libc falls back from syscalls newer than the profile. Rules whose action is the default
 * are dropped, as runc does.
 *
 * <p>Dispatch is a binary search over ranges of syscall numbers that share an outcome (a dozen
 * compares instead of a linear scan of ~400).
 */
final class SeccompCompiler {
  private static final int OFF_NR = 0;
  private static final int OFF_ARCH = 4;
  private static final int OFF_ARGS = 16;
  private static final long TOP = 0xffffffffL;
  private static final int BAD_ARCH = new SeccompAction(SeccompAction.Kind.KILL_THREAD, 0).ret();

  private final FilterSpec spec;
  private final BpfAssembler asm = new BpfAssembler();

  private SeccompCompiler(FilterSpec spec) {
    this.spec = spec;
  }

  static byte[] compile(FilterSpec spec) {
    SeccompCompiler c = new SeccompCompiler(spec);
    c.program();
    return c.asm.assemble();
  }

  private void program() {
    Map<Integer, List<SeccompArch>> byAudit = new LinkedHashMap<>();
    for (SeccompArch a : spec.arches()) {
      if (SyscallTable.of(a)
          .isPresent()) { // no table (32-bit arm): its calls get the bad-arch action
        byAudit.computeIfAbsent(a.audit(), k -> new ArrayList<>()).add(a);
      }
    }
    if (byAudit.isEmpty()) {
      throw new ProfileException("jcompose has no syscall table for " + spec.arches());
    }
    Map<Integer, Label> sections = new LinkedHashMap<>();
    asm.load(OFF_ARCH);
    for (int audit : byAudit.keySet()) {
      Label section = asm.label();
      Label next = asm.label();
      sections.put(audit, section);
      asm.jeq(audit, section, next);
      asm.bind(next);
    }
    asm.ret(BAD_ARCH);
    byAudit.forEach(
        (audit, abis) -> {
          asm.bind(sections.get(audit));
          asm.load(OFF_NR);
          List<SyscallMap.Segment> segments = new SyscallMap(spec, abis).segments();
          dispatch(segments, 0, segments.size());
        });
  }

  /**
   * Binary search over segments[lo, hi): splits on segment starts, emits each outcome at a leaf.
   */
  private void dispatch(List<SyscallMap.Segment> segments, int lo, int hi) {
    if (hi - lo == 1) {
      outcome(segments.get(lo));
      return;
    }
    int mid = (lo + hi) >>> 1;
    Label right = asm.label();
    Label left = asm.label();
    asm.jge((int) segments.get(mid).start(), right, left);
    asm.bind(left);
    dispatch(segments, lo, mid);
    asm.bind(right);
    dispatch(segments, mid, hi);
  }

  private void outcome(SyscallMap.Segment s) {
    if (s.rules().isEmpty()) {
      asm.ret(s.ret());
      return;
    }
    for (FilterSpec.Rule r : s.rules()) {
      Label fail = asm.label();
      List<ArgCondition> args = r.args();
      for (ArgCondition c : args) {
        Label ok = asm.label();
        condition(c, s.wide(), ok, fail);
        asm.bind(ok);
      }
      asm.ret(r.action().ret());
      asm.bind(fail);
    }
    asm.ret(spec.defaultAction().ret());
  }

  /** Unsigned 64-bit compare as libseccomp: high word first; a 32-bit ABI's high word is 0. */
  private void condition(ArgCondition c, boolean wide, Label t, Label f) {
    switch (c.op()) {
      case EQ -> equal(c.index(), ~0L, c.value(), wide, t, f);
      case NE -> equal(c.index(), ~0L, c.value(), wide, f, t);
      case MASKED_EQ -> equal(c.index(), c.value(), c.valueTwo(), wide, t, f);
      case GT -> greater(c.index(), c.value(), true, wide, t, f);
      case LE -> greater(c.index(), c.value(), true, wide, f, t);
      case GE -> greater(c.index(), c.value(), false, wide, t, f);
      case LT -> greater(c.index(), c.value(), false, wide, f, t);
    }
  }

  /** (arg &amp; mask) == datum; mask ~0 is a plain equality (no AND emitted). */
  private void equal(int index, long mask, long datum, boolean wide, Label t, Label f) {
    if (wide) {
      Label low = asm.label();
      word(index, true, mask >>> 32);
      asm.jeq(hi(datum), low, f);
      asm.bind(low);
    } else if ((datum >>> 32) != 0) {
      asm.jump(f); // a 32-bit argument never has high bits
      return;
    }
    word(index, false, mask & TOP);
    asm.jeq(lo(datum), t, f);
  }

  /** arg &gt; value (strict) or arg &gt;= value. */
  private void greater(int index, long value, boolean strict, boolean wide, Label t, Label f) {
    if (wide) {
      Label notAbove = asm.label();
      Label same = asm.label();
      word(index, true, TOP);
      asm.jgt(hi(value), t, notAbove);
      asm.bind(notAbove);
      asm.jeq(hi(value), same, f);
      asm.bind(same);
    } else if ((value >>> 32) != 0) {
      asm.jump(f);
      return;
    }
    word(index, false, TOP);
    if (strict) {
      asm.jgt(lo(value), t, f);
    } else {
      asm.jge(lo(value), t, f);
    }
  }

  /**
   * A = one 32-bit half of args[index] (little-endian: low word first), masked unless mask is all
   * ones.
   */
  private void word(int index, boolean high, long mask) {
    asm.load(OFF_ARGS + 8 * index + (high ? 4 : 0));
    if (mask != TOP) {
      asm.and((int) mask);
    }
  }

  private static int hi(long v) {
    return (int) (v >>> 32);
  }

  private static int lo(long v) {
    return (int) v;
  }
}
