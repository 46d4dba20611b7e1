package dev.jcompose.model.interpolate;

import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables a model refers to, with their defaults ({@code docker compose config --variables},
 * compose-go template.ExtractVariables): {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-def}} and
 * {@code ${NAME-def}} (default), {@code ${NAME:?err}} and {@code ${NAME?err}} (required), {@code
 * ${NAME:+alt}} and {@code ${NAME+alt}} (alternate); {@code $$} is a literal dollar. Defaults may
 * hold further references, which are found too.
 */
public final class Variables {
  /** One variable; the default and alternate are empty when not given. */
  public record Variable(
      String name, boolean required, String defaultValue, String alternateValue) {}

  private final Map<String, Variable> found = new TreeMap<>();

  private Variables() {}

  /** Every variable in the (not interpolated) tree, by name. */
  public static Map<String, Variable> of(Node tree) {
    Variables v = new Variables();
    v.walk(tree);
    return v.found;
  }

  private void walk(Node n) {
    if (n instanceof MapNode m) {
      m.entries()
          .forEach(
              (k, v) -> {
                scan(k);
                walk(v);
              });
    } else if (n instanceof ListNode l) {
      l.items().forEach(this::walk);
    } else if (n instanceof ScalarNode s && s.value() instanceof String text) {
      scan(text);
    }
  }

  void scan(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != '$' || i + 1 >= s.length()) {
        continue;
      }
      char next = s.charAt(i + 1);
      if (next == '$') {
        i++;
      } else if (next == '{') {
        int end = closing(s, i + 2);
        if (end < 0) {
          return;
        }
        braced(s.substring(i + 2, end));
        i = end;
      } else if (Character.isLetter(next) || next == '_') {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        add(new Variable(s.substring(i + 1, j), false, "", ""));
        i = j - 1;
      }
    }
  }

  private void braced(String body) {
    int j = 0;
    while (j < body.length()
        && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) {
      j++;
    }
    String name = body.substring(0, j);
    String rest = body.substring(j);
    String op =
        rest.startsWith(":") && rest.length() > 1
            ? rest.substring(0, 2)
            : rest.isEmpty() ? "" : rest.substring(0, 1);
    String value = rest.substring(op.length());
    switch (op) {
      case ":-", "-" -> add(new Variable(name, false, value, ""));
      case ":?", "?" -> add(new Variable(name, true, "", ""));
      case ":+", "+" -> add(new Variable(name, false, "", value));
      default -> add(new Variable(name, false, "", ""));
    }
    scan(value);
  }

  private void add(Variable v) {
    if (!v.name().isEmpty()) {
      found.merge(
          v.name(),
          v,
          (a, b) ->
              new Variable(
                  a.name(),
                  a.required() || b.required(),
                  a.defaultValue().isEmpty() ? b.defaultValue() : a.defaultValue(),
                  a.alternateValue().isEmpty() ? b.alternateValue() : a.alternateValue()));
    }
  }

  /**
   * The index of the brace closing the one opened before {@code from} (nested ones counted), or -1.
   */
  private static int closing(String s, int from) {
    int depth = 1;
    for (int i = from; i < s.length(); i++) {
      if (s.charAt(i) == '{') {
        depth++;
      } else if (s.charAt(i) == '}' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }
}
