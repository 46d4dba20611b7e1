package dev.jcompose.model.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A service's {@code security_opt}, parsed once as the docker CLI and daemon read it
 * (cli/command/container/opts.go parseSecurityOpts, moby daemon parseSecurityOpt): {@code
 * key=value} or the deprecated {@code key:value}; {@code no-new-privileges} alone means true.
 *
 * @param noNewPrivileges {@code no-new-privileges[=|:]<bool>}, last one wins
 * @param seccomp {@code null} or {@code builtin} for docker's default profile, {@code unconfined},
 *     or the path of a profile in docker's JSON format (relative to the project directory)
 * @param notApplied options docker knows that jcompose does not apply (AppArmor, SELinux labels,
 *     writable cgroups, unconfined system paths), as written, for a warning
 */
public record SecurityOptions(boolean noNewPrivileges, String seccomp, List<String> notApplied) {
  public static final String UNCONFINED = "unconfined";
  private static final List<String> NOT_APPLIED =
      List.of("apparmor", "label", "writable-cgroups", "systempaths");

  public SecurityOptions {
    notApplied = List.copyOf(notApplied);
  }

  /** True when the profile is docker's default. */
  public boolean defaultSeccomp() {
    return seccomp == null || seccomp.equals("builtin");
  }

  /**
   * Parses the options in order (a later {@code no-new-privileges} or {@code seccomp} wins).
   *
   * @throws IllegalArgumentException naming the first option docker would refuse
   */
  public static SecurityOptions parse(List<String> options) {
    boolean nnp = false;
    String seccomp = null;
    List<String> notApplied = new ArrayList<>();
    for (String opt : options == null ? List.<String>of() : options) {
      if (opt.equals("no-new-privileges")) {
        nnp = true;
        continue;
      }
      String[] kv = split(opt);
      switch (kv[0]) {
        case "no-new-privileges" -> nnp = bool(kv[1], opt);
        case "seccomp" -> seccomp = nonEmpty(kv[1], opt);
        default -> {
          if (!NOT_APPLIED.contains(kv[0])) {
            throw invalid(opt);
          }
          notApplied.add(opt);
        }
      }
    }
    return new SecurityOptions(nnp, seccomp, notApplied);
  }

  private static String[] split(String opt) {
    int eq = opt.indexOf('=');
    int at = eq >= 0 ? eq : opt.indexOf(':');
    if (at <= 0) {
      throw invalid(opt);
    }
    return new String[] {opt.substring(0, at), opt.substring(at + 1)};
  }

  /** Go's strconv.ParseBool. */
  private static boolean bool(String value, String opt) {
    return switch (value) {
      case "1", "t", "T", "TRUE", "true", "True" -> true;
      case "0", "f", "F", "FALSE", "false", "False" -> false;
      default -> throw invalid(opt);
    };
  }

  private static String nonEmpty(String value, String opt) {
    if (value.isEmpty()) {
      throw invalid(opt);
    }
    return value.toLowerCase(Locale.ROOT).equals(UNCONFINED) ? UNCONFINED : value;
  }

  private static IllegalArgumentException invalid(String opt) {
    return new IllegalArgumentException(
        "invalid security_opt \""
            + opt
            + "\" (known: seccomp, no-new-privileges, apparmor, label)");
  }
}
