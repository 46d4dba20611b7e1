package dev.jcompose.runtime.cgroup;

import java.util.OptionalLong;

/**
 * Reads "flat keyed" cgroup files ({@code key value} per line): v2 memory.events and memory.stat,
 * v1 memory.oom_control and memory.stat (kernel Documentation/admin-guide/cgroup-v2.rst "Interface
 * Files" format).
 */
final class KeyedValues {
  private KeyedValues() {}

  static OptionalLong get(String content, String key) {
    for (String line : content.split("\n", -1)) {
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(0, space).equals(key)) {
        try {
          return OptionalLong.of(Long.parseLong(line.substring(space + 1).trim()));
        } catch (NumberFormatException e) {
          return OptionalLong.empty();
        }
      }
    }
    return OptionalLong.empty();
  }
}
