package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.env.DotEnv;
import dev.jcompose.model.merge.TreeMerger;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code include} (compose-go loader/include.go): each entry is loaded as its own project
 * (directory = {@code project_directory} or the first file's directory, environment = the including
 * environment over the entry's env files or its own {@code .env}), its relative paths made
 * absolute, then its services/networks/volumes/secrets/configs/models are imported. A resource
 * defined both sides keeps the local definition merged over the imported one, as compose-go does.
 */
final class IncludeResolver {
  private static final List<String> RESOURCES =
      List.of("services", "volumes", "networks", "secrets", "configs", "models");
  private final DocumentPipeline pipeline;

  IncludeResolver(DocumentPipeline pipeline) {
    this.pipeline = pipeline;
  }

  MapNode apply(MapNode doc, String file, Scope scope) {
    Node include = doc.get("include");
    if (include == null) {
      return doc;
    }
    if (!(include instanceof ListNode entries)) {
      throw new ComposeFileException(include.mark() + ": `include` must be a list");
    }
    MapNode out = doc.shallowCopy();
    out.entries().remove("include");
    List<String> chain = new ArrayList<>(scope.includeChain());
    chain.add(file);
    for (Node entry : entries.items()) {
      importResources(loadEntry(IncludeEntry.of(entry), scope, chain), out);
    }
    return out;
  }

  private MapNode loadEntry(IncludeEntry entry, Scope scope, List<String> chain) {
    PathRebaser paths = new PathRebaser(scope.workingDir(), pipeline.home());
    List<String> files = entry.paths().stream().map(paths::absText).toList();
    String main = files.get(0);
    if (chain.contains(main)) {
      List<String> cycle = new ArrayList<>(chain);
      cycle.add(main);
      throw new ComposeFileException(
          entry.mark()
              + ": include cycle detected:\n"
              + cycle.get(0)
              + "\n include "
              + String.join("\n include ", cycle.subList(1, cycle.size())));
    }
    Path dir =
        entry.projectDirectory() == null
            ? Path.of(main).getParent()
            : scope.workingDir().resolve(entry.projectDirectory()).normalize();
    Map<String, String> env = new LinkedHashMap<>(scope.env());
    DotEnv.readProjectFiles(envFiles(entry, dir, scope), scope.env()).forEach(env::putIfAbsent);
    Scope own = new Scope(dir, env, true, true, chain);
    MapNode loaded = pipeline.load(files, own);
    return new PathRebaser(dir, pipeline.home()).rebase(loaded);
  }

  private static List<Path> envFiles(IncludeEntry entry, Path dir, Scope scope) {
    if (entry.envFiles().isEmpty()) {
      Path dotEnv = dir.resolve(".env");
      return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
    }
    return entry.envFiles().stream()
        .filter(f -> !f.equals("/dev/null"))
        .map(f -> scope.workingDir().resolve(f).normalize())
        .toList();
  }

  private static void importResources(MapNode imported, MapNode target) {
    for (String kind : RESOURCES) {
      if (!(imported.get(kind) instanceof MapNode from)) {
        continue;
      }
      MapNode to =
          target.get(kind) instanceof MapNode m ? m.shallowCopy() : MapNode.empty(from.mark());
      from.entries()
          .forEach(
              (name, def) -> {
                Node local = to.get(name);
                Node value =
                    local == null
                        ? def
                        : TreeMerger.mergeResource(def, local, TreePath.ofParts(kind, name));
                to.put(name, local == null ? from.keyMark(name) : to.keyMark(name), value);
              });
      target.put(kind, target.keyMark(kind), to);
    }
  }

  /** One {@code include} item, string or long form. */
  record IncludeEntry(
      Mark mark, List<String> paths, String projectDirectory, List<String> envFiles) {
    static IncludeEntry of(Node n) {
      if (n instanceof ScalarNode s) {
        return new IncludeEntry(s.mark(), List.of(s.text()), null, List.of());
      }
      if (!(n instanceof MapNode m) || m.get("path") == null) {
        throw new ComposeFileException(n.mark() + ": include entries need a path");
      }
      String dir = m.get("project_directory") instanceof ScalarNode s ? s.text() : null;
      return new IncludeEntry(m.mark(), strings(m.get("path")), dir, strings(m.get("env_file")));
    }

    private static List<String> strings(Node n) {
      if (n == null) {
        return List.of();
      }
      if (n instanceof ScalarNode s) {
        return List.of(s.text());
      }
      List<String> out = new ArrayList<>();
      if (n instanceof ListNode l) {
        l.items().forEach(i -> out.add(((ScalarNode) i).text()));
      }
      return out;
    }
  }
}
