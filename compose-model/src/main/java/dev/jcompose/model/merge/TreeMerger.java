package dev.jcompose.model.merge;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Merges compose documents with compose's rules (compose-go override/merge.go): the later value
 * wins for scalars, mappings merge recursively, sequences append, and {@link MergeRules} lists the
 * exceptions. Directives are honoured (see {@link Directives}) and consumed. Inputs are never
 * modified; results share no mutable node with them.
 */
public final class TreeMerger {
  private static final TreeMerger INSTANCE = new TreeMerger();
  private final MergeRules rules = new MergeRules(this);

  private TreeMerger() {}

  /**
   * Merges a whole document over an accumulated one, then de-duplicates lists ({@link Unicity}).
   */
  public static MapNode mergeDocuments(MapNode base, MapNode override) {
    return mergeDocuments(base, override, Directives.paths(override));
  }

  /** As above with the directive paths collected earlier (before extends consumed them). */
  public static MapNode mergeDocuments(MapNode base, MapNode override, List<TreePath> resetPaths) {
    MapNode b = (MapNode) Directives.strip(base);
    Directives.removeFrom(b, resetPaths);
    MapNode merged = (MapNode) INSTANCE.mergeAt(b, strip(override), TreePath.ROOT);
    return Unicity.enforce(merged);
  }

  /**
   * Merges a service definition over the service it extends (compose-go ExtendService): the merge
   * rules of {@code services.*} apply; the override's {@code !reset}/{@code !override} act on the
   * base.
   */
  public static MapNode extendService(MapNode base, MapNode service) {
    MapNode b = (MapNode) Directives.strip(base);
    Directives.removeFrom(b, Directives.paths(service));
    MapNode merged =
        (MapNode) INSTANCE.mergeAt(b, strip(service), TreePath.ofParts("services", "x"));
    return Unicity.enforceService(merged);
  }

  /** Merges one resource definition over another (include conflicts, compose-go importResource). */
  public static Node mergeResource(Node base, Node override, TreePath path) {
    Node b = Directives.strip(base);
    Directives.removeFrom(b, Directives.paths(override));
    return INSTANCE.mergeAt(b, strip(override), path);
  }

  private static Node strip(Node n) {
    Node s = Directives.strip(n);
    return s == null ? MapNode.empty(n.mark()) : s;
  }

  Node mergeAt(Node base, Node override, TreePath path) {
    var special = rules.at(path);
    if (special.isPresent()) {
      return special.get().merge(base, override, path);
    }
    // compose-go MergeYaml: a nil override (e.g. an empty `image:`) keeps the base value
    if (override == null || (override instanceof ScalarNode s && s.value() == null)) {
      return base;
    }
    if (base instanceof MapNode bm) {
      if (!(override instanceof MapNode om)) {
        throw cannotOverride(override, path);
      }
      return mergeMappings(bm, om, path);
    }
    if (base instanceof ListNode bl) {
      if (!(override instanceof ListNode ol)) {
        throw cannotOverride(override, path);
      }
      ListNode out = new ListNode(bl.mark(), bl.directive(), new ArrayList<>(bl.items()));
      out.items().addAll(ol.items());
      return out;
    }
    return override;
  }

  MapNode mergeMappings(MapNode base, MapNode override, TreePath path) {
    MapNode out = base.shallowCopy();
    override
        .entries()
        .forEach(
            (k, v) -> {
              Node e = out.get(k);
              out.put(k, override.keyMark(k), e == null ? v : mergeAt(e, v, path.key(k)));
            });
    return out;
  }

  private static ComposeFileException cannotOverride(Node override, TreePath path) {
    return new ComposeFileException(override.mark() + ": cannot override " + path);
  }

  Node mergeBuild(Node base, Node override, TreePath path) {
    return mergeMappings(toBuild(base), toBuild(override), path);
  }

  private static MapNode toBuild(Node n) {
    if (n instanceof ScalarNode s) {
      MapNode m = MapNode.empty(s.mark());
      m.put("context", s.mark(), s);
      return m;
    }
    return n instanceof MapNode m ? m : MapNode.empty(n.mark());
  }

  Node mergeDependsOn(Node base, Node override, TreePath path) {
    MapNode defaults = MapNode.empty(base.mark());
    defaults.put("condition", base.mark(), ScalarNode.of(base.mark(), "service_started"));
    defaults.put("required", base.mark(), ScalarNode.of(base.mark(), true));
    return mergeMappings(
        Sequences.toMapping(base, defaults), Sequences.toMapping(override, defaults), path);
  }

  Node mergeAsMappings(Node base, Node override, TreePath path) {
    return mergeMappings(
        Sequences.toMapping(base, null), Sequences.toMapping(override, null), path);
  }

  /** Same driver (or one side without driver): merge; otherwise the override replaces the block. */
  Node mergeLogging(Node base, Node override, TreePath path) {
    if (!(base instanceof MapNode b) || !(override instanceof MapNode o)) {
      return override;
    }
    Node od = o.get("driver");
    Node bd = b.get("driver");
    if (od == null || bd == null || Objects.equals(Sequences.text(od), Sequences.text(bd))) {
      return mergeMappings(b, o, path);
    }
    return o;
  }

  /** compose-go mergeUlimit: a mapping override merges with itself, i.e. the override wins. */
  Node mergeUlimit(Node base, Node override, TreePath path) {
    return override;
  }

  Node mergeIpamConfig(Node base, Node override, TreePath path) {
    return IpamConfigs.merge(this, base, override, path);
  }
}
