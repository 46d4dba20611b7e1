package dev.jcompose.runtime.seccomp;

import java.util.List;
import java.util.Map;

/**
 * A seccomp profile before it is fitted to a container: docker's JSON model (moby profiles/seccomp
 * Seccomp) that both {@link ProfileJson} and {@link ProfileText} produce.
 *
 * @param archMap native architecture -> its sub-architectures (docker's {@code archMap}), by {@link
 *     SeccompArch}; used when {@code architectures} is empty
 * @param architectures an explicit list (docker's {@code architectures}); empty = from archMap
 */
public record SeccompProfile(
    SeccompAction defaultAction,
    Map<SeccompArch, List<SeccompArch>> archMap,
    List<SeccompArch> architectures,
    List<SeccompRule> rules) {
  public SeccompProfile {
    archMap = Map.copyOf(archMap);
    architectures = List.copyOf(architectures);
    rules = List.copyOf(rules);
  }
}
