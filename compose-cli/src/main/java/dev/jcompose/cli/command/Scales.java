package dev.jcompose.cli.command;

import dev.jcompose.cli.args.Args;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code SERVICE=NUM} arguments ({@code up --scale}, {@code create --scale}, {@code scale}). */
final class Scales {
  private Scales() {}

  static Map<String, Integer> parse(Args args, List<String> values) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (String s : values) {
      int eq = s.indexOf('=');
      try {
        int n = Integer.parseInt(s.substring(eq + 1));
        if (eq <= 0 || n < 0) {
          throw new IllegalArgumentException();
        }
        m.put(s.substring(0, eq), n);
      } catch (RuntimeException e) {
        throw args.usage("invalid scale '" + s + "': use SERVICE=NUM");
      }
    }
    return m;
  }
}
