package dev.jcompose.netmgr.link;

import dev.jcompose.netmgr.api.NetworkException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Host sysctls under /proc/sys (ip_forward, a bridge's rp_filter). Keys are netmgr's own, built
 * from bridge names; a key that is not a plain dotted name is refused rather than resolved.
 */
final class Sysctls {
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)+");

  private Sysctls() {}

  static void set(String key, String value) {
    try {
      Files.writeString(path(key), value + "\n");
    } catch (IOException e) {
      throw new NetworkException(
          NetworkException.Kind.PERMISSION, "cannot set sysctl " + key + "=" + value + ": " + e, e);
    }
  }

  /** The value, or "" if the key does not exist. */
  static String get(String key) {
    try {
      return Files.readString(path(key)).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static Path path(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new NetworkException(
          NetworkException.Kind.INVALID, "invalid sysctl name '" + key + "'");
    }
    return Path.of("/proc/sys", key.replace('.', '/'));
  }
}
