package dev.jcompose.builder.ignore;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code .dockerignore} file read as docker reads it (moby/patternmatcher {@code ignorefile}):
 * lines starting with {@code #} are comments, blank lines are skipped, {@code !} marks an
 * exception, each pattern is cleaned and a leading {@code /} dropped (patterns are relative to the
 * context root).
 */
public final class IgnoreFile {
  private IgnoreFile() {}

  public static List<String> patterns(String text) {
    List<String> out = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    for (String line : body.split("\n", -1)) {
      if (line.startsWith("#")) {
        continue;
      }
      String pattern = line.strip();
      if (pattern.isEmpty()) {
        continue;
      }
      boolean invert = pattern.charAt(0) == '!';
      if (invert) {
        pattern = pattern.substring(1).strip();
      }
      if (!pattern.isEmpty()) {
        pattern = PathClean.clean(pattern);
        if (pattern.length() > 1 && pattern.charAt(0) == '/') {
          pattern = pattern.substring(1);
        }
      }
      out.add(invert ? "!" + pattern : pattern);
    }
    return out;
  }
}
