package dev.jcompose.model.env;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code raw} env_file format, docker run {@code --env-file} semantics (docker/cli kvfile): one
 * {@code KEY=VALUE} per line taken verbatim (no quotes, escapes nor interpolation), {@code #}
 * comment lines and blank lines skipped, a bare {@code KEY} copied from the lookup if set.
 */
final class RawEnvParser {
  private RawEnvParser() {}

  static void parse(
      String content, Map<String, String> out, Function<String, Optional<String>> lookup) {
    String[] lines = content.split("\n", -1);
    for (int n = 0; n < lines.length; n++) {
      String line = stripBom(n, lines[n]).stripLeading();
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line.strip() : line.substring(0, eq);
      if (key.isEmpty()) {
        throw new DotEnvException("line " + (n + 1) + ": no variable name on line '" + line + "'");
      }
      if (key.chars().anyMatch(Character::isWhitespace)) {
        throw new DotEnvException(
            "line " + (n + 1) + ": variable '" + key + "' contains whitespaces");
      }
      if (eq >= 0) {
        out.put(key, line.substring(eq + 1));
      } else {
        lookup.apply(key).ifPresent(v -> out.put(key, v));
      }
    }
  }

  private static String stripBom(int n, String line) {
    return n == 0 && line.startsWith("\uFEFF") ? line.substring(1) : line;
  }
}
