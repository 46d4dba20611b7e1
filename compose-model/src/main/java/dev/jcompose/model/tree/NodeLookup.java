package dev.jcompose.model.tree;

/**
 * Follows a path of mapping keys and list entries (an index as digits, or an entry by its scalar
 * value, e.g. a network in {@code networks: [front]}, or by its key in {@code key=value}) down a
 * document, to find where an attribute was written.
 *
 * @param mark the mark of the deepest element of the path that exists (the root's if none does)
 * @param depth how many elements of the path exist; equal to the path's length when all do
 */
public record NodeLookup(Mark mark, int depth) {

  public static NodeLookup find(MapNode root, String... path) {
    Node node = root;
    Mark mark = root.mark();
    int depth = 0;
    for (String key : path) {
      Node next = child(node, key);
      if (next == null) {
        break;
      }
      mark = node instanceof MapNode m ? m.keyMark(key) : next.mark();
      node = next;
      depth++;
    }
    return new NodeLookup(mark, depth);
  }

  private static Node child(Node node, String key) {
    if (node instanceof MapNode m) {
      return m.get(key);
    }
    if (node instanceof ListNode l) {
      if (!key.isEmpty() && key.chars().allMatch(Character::isDigit)) {
        int i = Integer.parseInt(key);
        if (i < l.items().size()) {
          return l.items().get(i);
        }
      }
      // an entry written as the key itself (a network in networks: [front]) or as key=value
      // (environment, labels and sysctls in list form)
      return l.items().stream()
          .filter(
              n ->
                  n instanceof ScalarNode s
                      && (key.equals(String.valueOf(s.value()))
                          || String.valueOf(s.value()).startsWith(key + "=")))
          .findFirst()
          .orElse(null);
    }
    return null;
  }
}
