package dev.jcompose.scheduler.convert;

import dev.jcompose.runtime.api.CapabilityNames;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Docker's capability arithmetic: the default 14 capabilities, plus {@code cap_add}, minus {@code
 * cap_drop}, with {@code ALL} on either side and names with or without {@code CAP_} (moby oci/caps
 * TweakCapabilities). Results are names without the prefix, sorted.
 */
public final class Capabilities {

  /** moby's oci.DefaultCapabilities(), in docker's order. */
  public static final List<String> DEFAULTS = CapabilityNames.DOCKER_DEFAULT;

  /** Every capability Linux 5.x/6.x knows, numbered 0..40. */
  public static final List<String> ALL = CapabilityNames.ALL;

  private Capabilities() {}

  /** The effective set for a container. */
  public static List<String> compute(List<String> add, List<String> drop, boolean privileged) {
    if (privileged) {
      return sorted(ALL);
    }
    List<String> adds = normalise(add);
    List<String> drops = normalise(drop);
    Set<String> result = new LinkedHashSet<>();
    if (adds.contains("ALL")) {
      // Docker: "ALL" in cap_add grants every capability except the explicitly dropped ones.
      ALL.stream().filter(c -> !drops.contains(c)).forEach(result::add);
    } else if (drops.contains("ALL")) {
      // Docker: "ALL" in cap_drop starts from nothing; only cap_add comes back.
      result.addAll(adds);
    } else {
      DEFAULTS.stream().filter(c -> !drops.contains(c)).forEach(result::add);
      result.addAll(adds);
    }
    return sorted(result);
  }

  static List<String> normalise(List<String> names) {
    List<String> out = new ArrayList<>();
    for (String n : names == null ? List.<String>of() : names) {
      String up = n.trim().toUpperCase(Locale.ROOT);
      out.add(up.startsWith("CAP_") ? up.substring(4) : up);
    }
    return out;
  }

  private static List<String> sorted(Collection<String> caps) {
    return caps.stream().sorted().toList();
  }
}
