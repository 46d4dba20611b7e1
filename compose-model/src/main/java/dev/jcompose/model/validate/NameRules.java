package dev.jcompose.model.validate;

import java.util.regex.Pattern;

/**
 * The names docker accepts, in one place: the loader checks them with file:line marks and the
 * engine's API checks them again on every request (it does not trust its client). Every name ends
 * up in a path under the data or run root, a link alias, a firewall comment or a label, so a name
 * that passes can hold no path separator, no leading dot and no whitespace or control character.
 *
 * <p>Each rule returns null when the name is acceptable, otherwise the problem in words.
 */
public final class NameRules {
  /** moby daemon/names RestrictedNameChars: container names and the local driver's volume names. */
  static final Pattern RESTRICTED = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  /** compose-go's project name rule (loader.NormalizeProjectName). */
  static final Pattern PROJECT = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /**
   * The compose-spec schema's pattern for keys of services, networks, volumes, configs and secrets.
   */
  static final Pattern KEY = Pattern.compile("[a-zA-Z0-9._-]+");

  /**
   * Network names: dockerd takes any non-blank name (it only ever hands names to netlink); here a
   * name also marks links (ifalias) and firewall rules, so it keeps to docker's restricted
   * characters, one character being enough (a network may be called {@code x}).
   */
  static final Pattern NETWORK = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]*");

  /**
   * Long enough for any generated name, short enough for an ifalias (IFALIASZ 256) and an nft
   * comment.
   */
  static final int MAX_NETWORK = 100;

  private NameRules() {}

  public static String project(String name) {
    return matches(PROJECT, name)
        ? null
        : "invalid project name "
            + Quoted.of(name)
            + ": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number";
  }

  /**
   * A key of {@code services}, {@code networks}, {@code volumes}, {@code configs} or {@code
   * secrets}.
   */
  public static String key(String what, String key) {
    if (!matches(KEY, key)) {
      return "invalid " + what + " name " + Quoted.of(key) + ": must match " + KEY.pattern();
    }
    // The schema lets "." and ".." through; as the name of a file or a mount target they would
    // mean the folder itself or its parent.
    return key.equals(".") || key.equals("..")
        ? "invalid " + what + " name " + Quoted.of(key) + ": must not be . or .."
        : null;
  }

  /**
   * dockerd's container name rule (daemon/names); a leading "/" as the API allows is not accepted.
   */
  public static String container(String name) {
    return matches(RESTRICTED, name)
        ? null
        : "invalid container name "
            + Quoted.of(name)
            + ": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
  }

  /** The local volume driver's rule (moby volume/local validateName). */
  public static String volume(String name) {
    return matches(RESTRICTED, name)
        ? null
        : "invalid volume name " + Quoted.of(name) + ": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
  }

  public static String network(String name) {
    if (!matches(NETWORK, name)) {
      return "invalid network name "
          + Quoted.of(name)
          + ": only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed";
    }
    return name.length() > MAX_NETWORK
        ? "network name " + Quoted.of(name) + " is longer than " + MAX_NETWORK + " characters"
        : null;
  }

  static boolean matches(Pattern p, String value) {
    return value != null && p.matcher(value).matches();
  }
}
