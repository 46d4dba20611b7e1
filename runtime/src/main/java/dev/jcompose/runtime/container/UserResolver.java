package dev.jcompose.runtime.container;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves "user", "uid", "user:group", "uid:gid" against the container's own /etc/passwd and
 * /etc/group, as docker does (moby oci_linux.go getUser). The rootfs is not mounted on the host, so
 * files are looked up in the upper dir then the layers top-down. Nothing is followed out of the
 * rootfs: a symlinked file, or an {@code etc} that is a symlink (an image's {@code etc -> /etc}
 * would otherwise have the HOST's passwd read), counts as no file at all, and the search stops
 * there as overlayfs would stop at that layer.
 */
public final class UserResolver {
  /** uid, primary gid, supplementary gids, home directory (may be null). */
  public record ResolvedUser(long uid, long gid, List<Long> groups, String home) {}

  private final List<Path> rootsTopFirst;

  public UserResolver(List<Path> rootsTopFirst) {
    this.rootsTopFirst = rootsTopFirst;
  }

  public ResolvedUser resolve(String user, List<String> additionalGroups) {
    String spec = user == null || user.isEmpty() ? "0" : user;
    String userPart = spec.contains(":") ? spec.substring(0, spec.indexOf(':')) : spec;
    String groupPart = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : null;
    List<String[]> passwd = read("passwd");
    List<String[]> group = read("group");
    String[] pw = find(passwd, userPart);
    if (pw == null && !isNumber(userPart)) {
      throw new ContainerException(
          Kind.INVALID, "unable to find user " + userPart + ": no matching entries in passwd file");
    }
    long uid = pw != null ? Long.parseLong(pw[2]) : Long.parseLong(userPart);
    long gid = pw != null && pw.length > 3 ? Long.parseLong(pw[3]) : 0;
    if (groupPart != null) {
      gid = groupId(group, groupPart);
    }
    Set<Long> groups = new LinkedHashSet<>();
    groups.add(gid);
    if (pw != null) {
      supplementary(group, pw[0], groups);
    }
    for (String g : additionalGroups == null ? List.<String>of() : additionalGroups) {
      groups.add(groupId(group, g));
    }
    return new ResolvedUser(
        uid, gid, new ArrayList<>(groups), pw != null && pw.length > 5 ? pw[5] : null);
  }

  private static void supplementary(List<String[]> group, String name, Set<Long> out) {
    for (String[] g : group) {
      if (g.length > 3 && List.of(g[3].split(",", -1)).contains(name)) {
        out.add(Long.parseLong(g[2]));
      }
    }
  }

  private static long groupId(List<String[]> group, String g) {
    String[] e = find(group, g);
    if (e != null) {
      return Long.parseLong(e[2]);
    }
    if (isNumber(g)) {
      return Long.parseLong(g);
    }
    throw new ContainerException(
        Kind.INVALID, "unable to find group " + g + ": no matching entries in group file");
  }

  private static String[] find(List<String[]> entries, String nameOrId) {
    for (String[] e : entries) {
      if (e.length > 2 && e[0].equals(nameOrId)) {
        return e;
      }
    }
    if (isNumber(nameOrId)) {
      for (String[] e : entries) {
        if (e.length > 2 && e[2].equals(nameOrId)) {
          return e;
        }
      }
    }
    return null;
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
  }

  /** {@code etc/<name>} of the topmost layer that has an entry there. */
  private List<String[]> read(String name) {
    for (Path root : rootsTopFirst) {
      Path etc = root.resolve("etc");
      if (!Files.exists(etc, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      if (!Files.isDirectory(etc, LinkOption.NOFOLLOW_LINKS)) {
        return List.of(); // a symlink, file or whiteout hides the etc of the layers below
      }
      Path f = etc.resolve(name);
      if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
        return parse(f);
      }
      if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
        return List.of();
      }
    }
    return List.of();
  }

  private static List<String[]> parse(Path f) {
    try {
      List<String[]> out = new ArrayList<>();
      for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          out.add(line.split(":", -1));
        }
      }
      return out;
    } catch (IOException e) {
      throw new ContainerException(Kind.INTERNAL, "cannot read " + f + ": " + e.getMessage(), e);
    }
  }
}
