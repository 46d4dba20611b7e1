package dev.jcompose.runtime.seccomp;

import java.util.List;

/**
 * Docker's {@code includes}/{@code excludes} of a rule (moby profiles/seccomp Filter): capability
 * names ({@code CAP_SYS_ADMIN}), libseccomp architecture names ({@code amd64}) and a minimum kernel
 * ({@code major.minor}, null = none). An empty filter matches nothing and excludes nothing.
 */
public record RuleFilter(List<String> caps, List<String> arches, KernelVersion minKernel) {
  public static final RuleFilter NONE = new RuleFilter(List.of(), List.of(), null);

  public RuleFilter {
    caps = List.copyOf(caps);
    arches = List.copyOf(arches);
  }

  boolean isEmpty() {
    return caps.isEmpty() && arches.isEmpty() && minKernel == null;
  }

  /**
   * {@code major.minor} of a kernel; patch level and distribution suffixes are ignored, as moby
   * does.
   */
  public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    static KernelVersion parse(String text) {
      String[] parts = text.trim().split("[.\\-+]", -1);
      try {
        if (parts.length < 2) {
          throw new NumberFormatException();
        }
        return new KernelVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      } catch (NumberFormatException e) {
        throw new ProfileException(
            "invalid kernel version \"" + text + "\", expected \"<kernel>.<major>\"");
      }
    }

    @Override
    public int compareTo(KernelVersion o) {
      return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
      return major + "." + minor;
    }
  }
}
