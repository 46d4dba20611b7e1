package dev.jcompose.runtime.seccomp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outcome of every syscall number seen under one {@code AUDIT_ARCH} value, as consecutive
 * segments: either a fixed return value or, for one number with argument conditions, its rules.
 * x86_64 and x32 share their AUDIT_ARCH; x32 owns the numbers with the x32 bit set.
 */
final class SyscallMap {
  /**
   * Numbers [start, next segment's start) return {@code ret}, or run {@code rules} when not empty.
   */
  record Segment(long start, int ret, List<FilterSpec.Rule> rules, boolean wide) {}

  private record Region(SeccompArch abi, long start, long end) {}

  private static final long TOP = 0xffffffffL;
  private static final int BAD_ARCH = new SeccompAction(SeccompAction.Kind.KILL_THREAD, 0).ret();
  private static final int ENOSYS = SeccompAction.errno(SeccompAction.ENOSYS).ret();

  private final FilterSpec spec;
  private final List<SeccompArch> abis;
  private final List<Region> regions;
  private final Map<SeccompArch, Long> max = new HashMap<>();
  private final TreeMap<Long, List<FilterSpec.Rule>> rules = new TreeMap<>();
  private final TreeMap<Long, SeccompArch> owner = new TreeMap<>();

  SyscallMap(FilterSpec spec, List<SeccompArch> abis) {
    this.spec = spec;
    this.abis = abis;
    this.regions = regions(abis.get(0));
    abis.forEach(this::collect);
  }

  private static List<Region> regions(SeccompArch any) {
    if (any == SeccompArch.X86_64 || any == SeccompArch.X32) {
      return List.of(
          new Region(SeccompArch.X86_64, 0, SeccompArch.X32_BIT - 1),
          new Region(SeccompArch.X32, SeccompArch.X32_BIT, TOP));
    }
    return List.of(new Region(any, 0, TOP));
  }

  /** Every rule whose name this ABI knows; the highest such number bounds runc's ENOSYS stub. */
  private void collect(SeccompArch abi) {
    SyscallTable table = SyscallTable.of(abi).orElseThrow();
    for (FilterSpec.Rule r : spec.rules()) {
      table
          .number(r.name())
          .ifPresent(
              nr -> {
                max.merge(abi, nr, Math::max);
                owner.put(nr, abi);
                if (!r.action().equals(spec.defaultAction())) {
                  rules.computeIfAbsent(nr, k -> new ArrayList<>()).add(r);
                }
              });
    }
  }

  List<Segment> segments() {
    TreeSet<Long> points = new TreeSet<>();
    regions.forEach(r -> points.add(r.start()));
    max.forEach((abi, m) -> points.add(m + 1));
    rules
        .keySet()
        .forEach(
            nr -> {
              points.add(nr);
              points.add(nr + 1);
            });
    points.removeIf(p -> p > TOP);
    List<Segment> out = new ArrayList<>();
    for (long p : points) {
      Segment s = rules.containsKey(p) ? ruled(p) : new Segment(p, base(p), List.of(), false);
      Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last == null
          || !s.rules().isEmpty()
          || !last.rules().isEmpty()
          || last.ret() != s.ret()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Default, ENOSYS above the profile's highest number (unless the default already lets calls
   * through), or bad arch.
   */
  private int base(long nr) {
    Region r =
        regions.stream().filter(g -> nr >= g.start() && nr <= g.end()).findFirst().orElseThrow();
    if (!abis.contains(r.abi())) {
      return BAD_ARCH;
    }
    Long highest = max.get(r.abi());
    SeccompAction d = spec.defaultAction();
    boolean stub = !d.permissive() && !d.equals(SeccompAction.errno(SeccompAction.ENOSYS));
    return stub && highest != null && nr > highest ? ENOSYS : d.ret();
  }

  /**
   * An unconditional rule decides alone (as libseccomp merges it); else the conditional rules in
   * order.
   */
  private Segment ruled(long nr) {
    List<FilterSpec.Rule> list = rules.get(nr);
    Optional<FilterSpec.Rule> always = list.stream().filter(r -> r.args().isEmpty()).findFirst();
    if (always.isPresent()) {
      return new Segment(nr, always.get().action().ret(), List.of(), false);
    }
    List<FilterSpec.Rule> chain = new ArrayList<>();
    list.forEach(r -> chain.addAll(split(r)));
    return new Segment(nr, spec.defaultAction().ret(), chain, owner.get(nr).wide());
  }

  /** runc: conditions that repeat an argument index are OR-ed, each becoming its own rule. */
  private static List<FilterSpec.Rule> split(FilterSpec.Rule r) {
    long distinct = r.args().stream().mapToInt(ArgCondition::index).distinct().count();
    if (distinct == r.args().size()) {
      return List.of(r);
    }
    return r.args().stream()
        .map(a -> new FilterSpec.Rule(r.name(), r.action(), List.of(a)))
        .toList();
  }
}
