package dev.jcompose.model.merge;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.TreePath;
import java.util.List;
import java.util.Objects;

/**
 * {@code networks.*.ipam.config}: entries merged pairwise by {@code subnet} (compose-go
 * mergeIPAMConfig).
 */
final class IpamConfigs {
  private IpamConfigs() {}

  static Node merge(TreeMerger m, Node base, Node override, TreePath path) {
    if (!(base instanceof ListNode configs) || !(override instanceof ListNode overrides)) {
      throw new ComposeFileException(override.mark() + ": " + path + ": unexpected type");
    }
    ListNode out = ListNode.empty(configs.mark());
    List<Node> result = out.items();
    for (Node original : configs.items()) {
      MapNode right = Sequences.toMapping(original, null);
      for (Node o : overrides.items()) {
        MapNode left = Sequences.toMapping(o, null);
        if (!Objects.equals(subnet(left), subnet(right)) && indexOf(result, subnet(left)) < 0) {
          result.add(left);
          continue;
        }
        MapNode merged = m.mergeMappings(right, left, path);
        int idx = indexOf(result, subnet(merged));
        if (idx >= 0) {
          result.set(idx, merged);
        } else {
          result.add(merged);
        }
      }
    }
    return out;
  }

  private static String subnet(MapNode m) {
    Node s = m.get("subnet");
    return s == null ? null : Sequences.text(s);
  }

  private static int indexOf(List<Node> configs, String subnet) {
    for (int i = 0; i < configs.size(); i++) {
      if (configs.get(i) instanceof MapNode c && Objects.equals(subnet(c), subnet)) {
        return i;
      }
    }
    return -1;
  }
}
