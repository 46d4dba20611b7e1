package dev.jcompose.runtime.volume;

import dev.jcompose.runtime.api.ContainerException;
import dev.jcompose.runtime.api.ContainerException.Kind;
import java.util.regex.Pattern;

/**
 * docker's local volume name rule ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}); names are directory names.
 */
final class VolumeNames {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  private VolumeNames() {}

  static boolean isValid(String name) {
    return name != null
        && NAME.matcher(name).matches()
        && !name.contains("..")
        && name.length() <= 255;
  }

  static String check(String name) {
    if (!isValid(name)) {
      throw new ContainerException(
          Kind.INVALID,
          "invalid volume name '"
              + name
              + "': only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed, at least 2 characters, no '..'");
    }
    return name;
  }
}
