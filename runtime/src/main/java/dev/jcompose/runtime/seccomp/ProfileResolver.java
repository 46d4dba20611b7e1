package dev.jcompose.runtime.seccomp;

import dev.jcompose.runtime.seccomp.RuleFilter.KernelVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Fits a profile to a container the way moby's setupSeccomp does
 * (profiles/seccomp/seccomp_linux.go): the host's archMap entry gives the architectures; a rule is
 * kept when every capability of its {@code includes} is in the container's bounding set, the host
 * architecture is among its arches and the host kernel is at least its minKernel, and none of its
 * {@code excludes} holds (any one cap present, the host arch listed, or the kernel new enough).
 */
final class ProfileResolver {
  private ProfileResolver() {}

  /**
   * @param caps the container's bounding set, as {@code CAP_*} names
   */
  static FilterSpec resolve(
      SeccompProfile p, Set<String> caps, SeccompArch host, KernelVersion kernel) {
    List<FilterSpec.Rule> rules = new ArrayList<>();
    for (SeccompRule r : p.rules()) {
      if (excluded(r.excludes(), caps, host, kernel)
          || !included(r.includes(), caps, host, kernel)) {
        continue;
      }
      for (String name : r.names()) {
        rules.add(new FilterSpec.Rule(name, r.action(), r.args()));
      }
    }
    return new FilterSpec(p.defaultAction(), arches(p, host), rules);
  }

  /**
   * The explicit list, else the host's archMap entry; the host ABI is always in (libseccomp's
   * native arch).
   */
  private static List<SeccompArch> arches(SeccompProfile p, SeccompArch host) {
    Set<SeccompArch> out = new LinkedHashSet<>();
    out.add(host);
    if (!p.architectures().isEmpty()) {
      out.addAll(p.architectures());
    } else {
      out.addAll(p.archMap().getOrDefault(host, List.of()));
    }
    return List.copyOf(out);
  }

  private static boolean excluded(
      RuleFilter f, Set<String> caps, SeccompArch host, KernelVersion kernel) {
    return f.arches().contains(host.nativeName())
        || f.caps().stream().anyMatch(caps::contains)
        || (f.minKernel() != null && kernel.compareTo(f.minKernel()) >= 0);
  }

  private static boolean included(
      RuleFilter f, Set<String> caps, SeccompArch host, KernelVersion kernel) {
    return (f.arches().isEmpty() || f.arches().contains(host.nativeName()))
        && new HashSet<>(caps).containsAll(f.caps())
        && (f.minKernel() == null || kernel.compareTo(f.minKernel()) >= 0);
  }
}
