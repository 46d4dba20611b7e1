package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Project name rules (compose-go cli/options.go withNamePrecedenceLoad,
 * loader.NormalizeProjectName): {@code -p} &gt; {@code COMPOSE_PROJECT_NAME} &gt; {@code name:} in
 * the files &gt; project directory basename. Explicit names are validated, names from files or
 * directories are normalised.
 */
public final class ProjectNames {
  private ProjectNames() {}

  /** Lowercase, keep {@code [a-z0-9_-]}, trim leading {@code _} and {@code -}. */
  public static String normalize(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
        b.append(c);
      }
    }
    int i = 0;
    while (i < b.length() && (b.charAt(i) == '_' || b.charAt(i) == '-')) {
      i++;
    }
    return b.substring(i);
  }

  /**
   * Chooses the name. {@code fromFiles} is the interpolated {@code name:} of the last file that
   * sets one, or null when no file names the project.
   */
  static String choose(String flag, String fromEnv, String fromFiles, Path projectDir) {
    if (flag != null && !flag.isEmpty()) {
      return validated(flag);
    }
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return validated(fromEnv);
    }
    String name = fromFiles != null ? normalize(fromFiles) : normalize(basename(projectDir));
    if (name.isEmpty()) {
      throw new ComposeFileException("project name must not be empty");
    }
    return name;
  }

  private static String basename(Path dir) {
    Path name = dir.getFileName();
    return name == null ? "" : name.toString();
  }

  private static String validated(String name) {
    if (!normalize(name).equals(name) || name.isEmpty()) {
      throw new ComposeFileException(
          "invalid project name \""
              + name
              + "\": must consist only of "
              + "lowercase alphanumeric characters, hyphens, and underscores as well as start with a "
              + "letter or number");
    }
    return name;
  }
}
