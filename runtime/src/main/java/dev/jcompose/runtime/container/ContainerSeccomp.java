package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.CapabilityNames;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import dev.jcompose.runtime.api.ContainerSpec;
import dev.jcompose.runtime.api.ContainerSpec.Seccomp;
import dev.jcompose.runtime.seccomp.ProfileException;
import dev.jcompose.runtime.seccomp.ProfileJson;
import dev.jcompose.runtime.seccomp.SeccompFilters;
import dev.jcompose.runtime.seccomp.SeccompProfile;
import dev.jcompose.runtime.shim.ShimConfig;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seccomp filter of a container's processes, the init and every exec alike (docker applies the
 * container's profile to exec'd processes too): none when privileged or {@code seccomp=unconfined}
 * (moby WithSeccomp), else the profile fitted to the container's capability bounding set.
 */
final class ContainerSeccomp {
  /** Docker's default, per capability set: every container of a stack usually shares one. */
  private static final Map<Long, byte[]> DEFAULT_FILTERS = new ConcurrentHashMap<>();

  private ContainerSeccomp() {}

  /** Adds the {@code seccomp} record to a shim config when the container has a filter. */
  static void addTo(ShimConfig c, ContainerSpec spec, long capabilities) {
    filter(spec, capabilities).ifPresent(bpf -> c.putBytes("seccomp", bpf));
  }

  static Optional<byte[]> filter(ContainerSpec spec, long capabilities) {
    Seccomp s = spec.securityOrDefaults().seccomp();
    if (spec.privileged() || s == null || s.mode() == Seccomp.Mode.UNCONFINED) {
      return Optional.empty();
    }
    try {
      if (s.mode() == Seccomp.Mode.DEFAULT) {
        return Optional.of(
            DEFAULT_FILTERS.computeIfAbsent(
                capabilities,
                caps -> SeccompFilters.compile(SeccompFilters.dockerDefault(), capNames(caps))));
      }
      Optional<SeccompProfile> profile = ProfileJson.parse(s.profileJson());
      return profile.map(p -> SeccompFilters.compile(p, capNames(capabilities)));
    } catch (ProfileException e) {
      throw new ContainerException(
          Kind.INVALID, "seccomp profile of container " + spec.id() + ": " + e.getMessage(), e);
    }
  }

  /** {@code CAP_*} names of the bits set in {@code mask} (moby matches rules against these). */
  static Set<String> capNames(long mask) {
    Set<String> out = new LinkedHashSet<>();
    for (int bit = 0; bit < CapabilityNames.ALL.size(); bit++) {
      if ((mask >>> bit & 1) != 0) {
        out.add("CAP_" + CapabilityNames.ALL.get(bit));
      }
    }
    return out;
  }
}
