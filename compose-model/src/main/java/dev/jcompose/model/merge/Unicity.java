package dev.jcompose.model.merge;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Removes redefinitions from sequences (compose-go override/uncity.go EnforceUnicity): at each
 * listed path, entries with the same key collapse into one, at the first entry's position, with the
 * LAST entry's value. Runs after every merge; the normaliser runs it again after canonical
 * conversion (equivalent ports written differently only collide then).
 */
public final class Unicity {
  private static final Map<TreePath, Function<Node, String>> KEYS = table();

  private Unicity() {}

  private static Map<TreePath, Function<Node, String>> table() {
    Map<TreePath, Function<Node, String>> t = new LinkedHashMap<>();
    for (String p :
        new String[] {
          "networks.*.labels",
          "networks.*.ipam.options",
          "services.*.annotations",
          "services.*.build.args",
          "services.*.build.additional_contexts",
          "services.*.build.platform",
          "services.*.build.tags",
          "services.*.build.labels",
          "services.*.cap_add",
          "services.*.cap_drop",
          "services.*.deploy.labels",
          "services.*.dns",
          "services.*.dns_opt",
          "services.*.dns_search",
          "services.*.environment",
          "services.*.labels",
          "services.*.links",
          "services.*.networks.*.aliases",
          "services.*.networks.*.link_local_ips",
          "services.*.profiles",
          "services.*.sysctls",
          "services.*.tmpfs"
        }) {
      t.put(TreePath.of(p), UniqueKeys::keyValue);
    }
    t.put(TreePath.of("services.*.devices"), UniqueKeys::device);
    t.put(TreePath.of("services.*.configs"), n -> UniqueKeys.mount(n, ""));
    t.put(TreePath.of("services.*.secrets"), n -> UniqueKeys.mount(n, "/run/secrets"));
    t.put(TreePath.of("services.*.env_file"), UniqueKeys::envFile);
    t.put(TreePath.of("services.*.expose"), UniqueKeys::scalarText);
    t.put(TreePath.of("services.*.ports"), UniqueKeys::port);
    t.put(TreePath.of("services.*.volumes"), UniqueKeys::volume);
    return Map.copyOf(t);
  }

  /** A copy of {@code tree} with duplicates removed at the known paths. */
  public static MapNode enforce(MapNode tree) {
    return (MapNode) visit(tree, TreePath.ROOT);
  }

  /** De-duplicates the lists of one service definition. */
  public static MapNode enforceService(MapNode service) {
    return (MapNode) visit(service, TreePath.ofParts("services", "x"));
  }

  private static Node visit(Node node, TreePath path) {
    if (node instanceof MapNode m) {
      MapNode out = m.shallowCopy();
      m.entries().forEach((k, v) -> out.entries().put(k, visit(v, path.key(k))));
      return out;
    }
    if (node instanceof ListNode l) {
      Function<Node, String> key = keyAt(path);
      return key == null ? l : dedupe(l, key, path);
    }
    return node;
  }

  private static Function<Node, String> keyAt(TreePath path) {
    for (var e : KEYS.entrySet()) {
      if (path.matches(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }

  private static ListNode dedupe(ListNode l, Function<Node, String> keyOf, TreePath path) {
    List<Node> seq = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < l.items().size(); i++) {
      Node entry = l.items().get(i);
      String key;
      try {
        key = keyOf.apply(entry);
      } catch (IllegalArgumentException e) {
        throw new ComposeFileException(
            entry.mark() + ": " + path.index(i) + ": " + e.getMessage(), e);
      }
      Integer j = seen.get(key);
      if (j != null) {
        seq.set(j, entry);
      } else {
        seen.put(key, seq.size());
        seq.add(entry);
      }
    }
    return new ListNode(l.mark(), l.directive(), seq);
  }

  static String text(Node n) {
    return n instanceof ScalarNode ? Sequences.text(n) : null;
  }
}
