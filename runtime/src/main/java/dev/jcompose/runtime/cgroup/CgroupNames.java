package dev.jcompose.runtime.cgroup;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Container ids become directory names under {@code jcompose/} (or a {@code cgroup_parent}): one
 * safe path component only; a parent is one or more such components.
 */
final class CgroupNames {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,254}");

  private CgroupNames() {}

  static void check(String id) {
    if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
      throw new ContainerException(
          Kind.INVALID, "invalid container id for a cgroup name: '" + id + "'");
    }
  }

  /** The engine's own parent group, under every hierarchy's root. */
  static final Path DEFAULT_PARENT = Path.of("jcompose");

  /**
   * compose's {@code cgroup_parent} as a path relative to each hierarchy's root: {@code /a/b} and
   * {@code a/b} both name {@code <root>/a/b} (dockerd's cgroupfs driver joins the parent and the
   * id; a relative one is taken from the root here, not from the daemon's own group). Null or blank
   * means {@link #DEFAULT_PARENT}.
   */
  static Path parent(String cgroupParent) {
    if (cgroupParent == null || cgroupParent.isBlank()) {
      return DEFAULT_PARENT;
    }
    String trimmed = cgroupParent.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      throw new ContainerException(
          Kind.INVALID,
          "invalid cgroup parent '" + cgroupParent + "': the root cannot hold groups");
    }
    Path path = Path.of(trimmed); // drops repeated slashes
    for (Path name : path) {
      String part = name.toString();
      if (!ID.matcher(part).matches() || part.contains("..")) {
        throw new ContainerException(
            Kind.INVALID,
            "invalid cgroup parent '" + cgroupParent + "': '" + part + "' is not a group name");
      }
    }
    return path;
  }
}
