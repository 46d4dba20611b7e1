package dev.jcompose.runtime.cgroup;

import dev.jcompose.common.instance.InstanceHash;
import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Container ids become directory names under {@code jcompose/} ({@code <id>-<instance>}, see {@link
 * #instanceSuffix}) or under a {@code cgroup_parent} ({@code <id>}): one safe path component only;
 * a parent is one or more such components.
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

  /**
   * The suffix of one engine instance's groups under {@link #DEFAULT_PARENT}: {@code -} and the
   * {@link InstanceHash} of its state root, as the network manager scopes its link names and
   * firewall table. Two engines with their own roots and the same project and service names then
   * neither share nor remove each other's groups; a later engine on the same root finds its own.
   */
  static String instanceSuffix(Path stateRoot) {
    return "-" + InstanceHash.of(stateRoot);
  }

  /** The ids of the groups named with {@code suffix} (all of them when it is empty). */
  static List<String> ownIds(List<String> names, String suffix) {
    return names.stream()
        .filter(n -> n.endsWith(suffix) && n.length() > suffix.length())
        .map(n -> n.substring(0, n.length() - suffix.length()))
        .toList();
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
