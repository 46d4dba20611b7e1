package dev.jcompose.convert.k8s;

import java.util.List;

/**
 * Kubernetes expands {@code $(VAR)} in a container's command, args and env values, and reads {@code
 * $$} as an escaped {@code $}; compose passes both through literally (its own {@code $$} escape is
 * already resolved in the model). Doubling each {@code $} that precedes {@code $} or {@code (}
 * keeps the text the program sees the same.
 */
final class Expansion {
  private Expansion() {}

  static String escape(String s) {
    if (s == null || s.indexOf('$') < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c);
      if (c == '$' && i + 1 < s.length() && (s.charAt(i + 1) == '$' || s.charAt(i + 1) == '(')) {
        b.append('$');
      }
    }
    return b.toString();
  }

  static List<String> escape(List<String> args) {
    return args == null ? null : args.stream().map(Expansion::escape).toList();
  }
}
