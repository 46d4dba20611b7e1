package dev.jcompose.model.validate;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Rules for paths and mount options: devices, tmpfs options, targets inside the container and
 * volume subpaths. Shared by the loader and the engine's API; null means acceptable.
 */
public final class MountRules {
  /**
   * tmpfs options jcompose applies: the flags docker's ParseTmpfsOptions accepts that change
   * nothing here (nosuid and nodev are always set, as docker sets them) or that it honours, and the
   * tmpfs data keys of tmpfs(5) with numeric values.
   */
  private static final Set<String> TMPFS_FLAGS =
      Set.of("ro", "rw", "exec", "noexec", "nosuid", "nodev");

  private static final Pattern TMPFS_DATA =
      Pattern.compile(
          "size=\\d+[kKmMgG%]?|mode=[0-7]{1,4}|uid=\\d+|gid=\\d+|nr_inodes=\\d+[kKmMgG]?|nr_blocks=\\d+[kKmMgG]?");

  private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

  /** The largest id: 2^32 - 1 is the kernel's "no id" ((uid_t) -1). */
  private static final long MAX_ID = 4294967294L;

  private MountRules() {}

  /**
   * {@code devices}: absolute host and container paths, permissions a non-empty subset of "rwm".
   */
  public static String device(String source, String target, String permissions) {
    String bad = absolute("device", source);
    if (bad == null && target != null) {
      bad = absolute("device target", target);
    }
    if (bad == null && permissions != null && !permissions.matches("(?!.*(.).*\\1)[rwm]{1,3}")) {
      bad =
          "invalid device permissions "
              + Quoted.of(permissions)
              + ": a combination of r, w and m expected";
    }
    return bad;
  }

  /** A {@code tmpfs} entry: an absolute target and options from the allowed set. */
  public static String tmpfs(String target, List<String> options) {
    String bad = absolute("tmpfs target", target);
    if (bad != null) {
      return bad;
    }
    for (String o : options == null ? List.<String>of() : options) {
      if (o == null || (!TMPFS_FLAGS.contains(o) && !TMPFS_DATA.matcher(o).matches())) {
        return "invalid tmpfs option "
            + Quoted.of(o)
            + " for "
            + target
            + ": expected one of "
            + String.join(", ", TMPFS_FLAGS.stream().sorted().toList())
            + ", size=, mode=, uid=, gid=, nr_inodes=, nr_blocks=";
      }
    }
    return null;
  }

  /**
   * A path inside the container or on the host: absolute, without "." or ".." segments (docker
   * cleans such paths; here they are refused, so no later join can climb out of a root).
   */
  /**
   * {@code uid}, {@code gid} and {@code mode} of a secret or config reference: docker compose gives
   * the file it writes numeric ids (strconv.Atoi: a user name is an error there too) and a mode of
   * permission bits.
   */
  public static String fileOwnership(String what, String uid, String gid, Integer mode) {
    for (String[] id : new String[][] {{"uid", uid}, {"gid", gid}}) {
      if (id[1] != null && !id[1].isEmpty() && !numericId(id[1])) {
        return "invalid "
            + what
            + " "
            + id[0]
            + " "
            + Quoted.of(id[1])
            + ": a numeric id (0 to 4294967294) expected";
      }
    }
    if (mode != null && (mode < 0 || mode > 07777)) {
      return "invalid " + what + " mode 0" + Integer.toOctalString(mode) + ": at most 07777";
    }
    return null;
  }

  private static boolean numericId(String id) {
    return DIGITS.matcher(id).matches() && Long.parseLong(id) <= MAX_ID;
  }

  public static String absolute(String what, String path) {
    if (path == null || !path.startsWith("/")) {
      return "invalid "
          + what
          + " "
          + Quoted.of(String.valueOf(path))
          + ": an absolute path expected";
    }
    return segments(what, path);
  }

  /** {@code volume.subpath}: relative to the volume, never leaving it. */
  public static String subpath(String path) {
    if (path.isEmpty() || path.startsWith("/")) {
      return "invalid volume subpath "
          + Quoted.of(path)
          + ": a relative path inside the volume expected";
    }
    return segments("volume subpath", path);
  }

  private static String segments(String what, String path) {
    for (String s : path.split("/", -1)) {
      if (s.equals("..") || s.equals(".")) {
        return "invalid " + what + " " + Quoted.of(path) + ": must not contain . or .. segments";
      }
    }
    return path.chars().anyMatch(c -> c == 0 || c == '\n')
        ? "invalid " + what + " " + Quoted.of(path) + ": control characters"
        : null;
  }
}
