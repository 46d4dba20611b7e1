package dev.jcompose.model.tree;

import dev.jcompose.model.api.ComposeFileException;

/** Finds where an attribute was written, to prefix messages with {@code file:line:column}. */
public final class Marks {
  private Marks() {}

  /**
   * The mark of the deepest existing key along {@code path} (map keys, list indexes as digits, or
   * list entries by value).
   */
  public static Mark at(MapNode root, String... path) {
    Node node = root;
    Mark mark = root.mark();
    for (String key : path) {
      if (node instanceof MapNode m && m.entries().containsKey(key)) {
        mark = m.keyMark(key);
        node = m.get(key);
      } else if (node instanceof ListNode l
          && key.chars().allMatch(Character::isDigit)
          && Integer.parseInt(key) < l.items().size()) {
        node = l.items().get(Integer.parseInt(key));
        mark = node.mark();
      } else if (node instanceof ListNode l && itemNamed(l, key) != null) {
        node = itemNamed(l, key);
        mark = node.mark();
      } else {
        break;
      }
    }
    return mark;
  }

  /**
   * A list entry written as {@code key} (e.g. a network in {@code networks: [front]}) or as {@code
   * key=value} (environment, labels and sysctls in list form).
   */
  private static Node itemNamed(ListNode l, String key) {
    return l.items().stream()
        .filter(
            n ->
                n instanceof ScalarNode s
                    && (key.equals(String.valueOf(s.value()))
                        || String.valueOf(s.value()).startsWith(key + "=")))
        .findFirst()
        .orElse(null);
  }

  public static ComposeFileException error(MapNode root, String message, String... path) {
    Mark m = at(root, path);
    String where = m == null || m.line() == 0 ? "" : m + ": ";
    return new ComposeFileException(where + message);
  }
}
