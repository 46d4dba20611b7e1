package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.regex.Pattern;

/** Container ids become directory names under {@code jcompose/}: one safe path component only. */
final class CgroupNames {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

  private CgroupNames() {}

  static void check(String id) {
    if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
      throw new ContainerException(
          Kind.INVALID, "invalid container id for a cgroup name: '" + id + "'");
    }
  }
}
