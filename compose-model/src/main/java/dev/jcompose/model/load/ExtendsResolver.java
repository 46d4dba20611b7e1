package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.merge.TreeMerger;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves {@code extends} in one document (compose-go loader/extends.go): the base service comes
 * from the same document or from {@code file:} (read with the same environment, its relative paths
 * made absolute against its own directory), is itself resolved recursively, and the local
 * definition is merged over it with the normal merge rules. Cycles are errors listing the chain.
 */
final class ExtendsResolver {
  private final DocumentPipeline pipeline;

  ExtendsResolver(DocumentPipeline pipeline) {
    this.pipeline = pipeline;
  }

  private record Ref(String file, String service) {}

  MapNode apply(MapNode doc, String file, Scope scope) {
    if (!(doc.get("services") instanceof MapNode services)) {
      return doc;
    }
    MapNode out = doc.shallowCopy();
    MapNode resolved = services.shallowCopy();
    for (String name : services.entries().keySet()) {
      resolve(name, resolved, file, scope, new ArrayList<>(List.of(new Ref(file, name))));
    }
    out.entries().put("services", resolved);
    return out;
  }

  /** Resolves {@code name} inside {@code services} (replacing its entry) and returns it. */
  private Node resolve(String name, MapNode services, String file, Scope scope, List<Ref> chain) {
    Node node = services.get(name);
    if (!(node instanceof MapNode service) || service.get("extends") == null) {
      return node;
    }
    Node ext = service.get("extends");
    String ref = refService(ext, name);
    MapNode baseServices = services;
    String baseFile = file;
    Scope baseScope = scope;
    if (ext instanceof MapNode m && m.get("file") instanceof ScalarNode f) {
      Path target = Path.of(new PathRebaser(scope.workingDir(), pipeline.home()).absText(f.text()));
      baseFile = target.toString();
      baseScope = scope.forExtendedFile(target.getParent());
      baseServices = servicesOf(target, baseScope, name);
    }
    if (!(baseServices.get(ref) instanceof MapNode)) {
      String where = baseFile.equals(file) ? "" : " in " + baseFile;
      throw new ComposeFileException(
          ext.mark()
              + ": cannot extend service \""
              + name
              + "\" in "
              + file
              + ": service \""
              + ref
              + "\" not found"
              + where);
    }
    Ref next = new Ref(baseFile, ref);
    if (chain.contains(next)) {
      throw new ComposeFileException(ext.mark() + ": " + circular(chain, next));
    }
    chain.add(next);
    MapNode base = (MapNode) resolve(ref, baseServices, baseFile, baseScope, chain);
    MapNode local = service.shallowCopy();
    local.entries().remove("extends");
    MapNode merged = TreeMerger.extendService(base.deepCopy(), local);
    merged.entries().remove("extends");
    services.entries().put(name, merged);
    return merged;
  }

  private static String refService(Node ext, String name) {
    if (ext instanceof ScalarNode s && s.value() instanceof String str) {
      return str;
    }
    if (ext instanceof MapNode m
        && m.get("service") instanceof ScalarNode s
        && s.value() instanceof String str) {
      return str;
    }
    throw new ComposeFileException(ext.mark() + ": extends." + name + ".service is required");
  }

  /** Services of another file, loaded without include/extends and rebased on its directory. */
  private MapNode servicesOf(Path target, Scope scope, String name) {
    MapNode other = pipeline.load(List.of(target.toString()), scope);
    other = new PathRebaser(target.getParent(), pipeline.home()).rebase(other);
    if (!(other.get("services") instanceof MapNode services)) {
      throw new ComposeFileException(
          "cannot extend service \"" + name + "\" in " + target + ": no services section");
    }
    return services.shallowCopy();
  }

  private static String circular(List<Ref> chain, Ref again) {
    StringBuilder b = new StringBuilder("Circular reference:\n  ");
    b.append(chain.get(0).service()).append(" in ").append(chain.get(0).file());
    List<Ref> rest = new ArrayList<>(chain.subList(1, chain.size()));
    rest.add(again);
    rest.forEach(r -> b.append("\n  extends ").append(r.service()).append(" in ").append(r.file()));
    return b.toString();
  }
}
