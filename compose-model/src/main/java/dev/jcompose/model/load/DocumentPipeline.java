package dev.jcompose.model.load;

import dev.jcompose.model.interpolate.TreeInterpolator;
import dev.jcompose.model.merge.Directives;
import dev.jcompose.model.merge.TreeMerger;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.TreePath;
import java.util.List;
import java.util.Optional;

/**
 * compose-go's per-file loop (loader.go loadYamlFile): each YAML document of each file is
 * interpolated, gets its includes and extends applied, and is merged into the accumulated tree.
 */
final class DocumentPipeline {
  private final FileSource source;
  private final boolean interpolate;
  private final List<String> warnings;
  private final String home;

  DocumentPipeline(FileSource source, boolean interpolate, List<String> warnings, String home) {
    this.source = source;
    this.interpolate = interpolate;
    this.warnings = warnings;
    this.home = home;
  }

  FileSource source() {
    return source;
  }

  String home() {
    return home;
  }

  /** Loads {@code files} in order into one tree. */
  MapNode load(List<String> files, Scope scope) {
    MapNode acc = MapNode.empty(Mark.UNKNOWN);
    for (String file : files) {
      for (MapNode doc : source.documents(file)) {
        acc = document(doc, file, scope, acc);
      }
      if (acc.get("version") != null) {
        warnings.add(
            file
                + ": the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion");
        acc.entries().remove("version");
      }
    }
    return acc;
  }

  private MapNode document(MapNode doc, String file, Scope scope, MapNode acc) {
    List<TreePath> directives = Directives.paths(doc);
    MapNode d = interpolate(doc, scope);
    if (scope.includes()) {
      d = new IncludeResolver(this).apply(d, file, scope);
    }
    if (scope.extendsServices()) {
      d = new ExtendsResolver(this).apply(d, file, scope);
    }
    return TreeMerger.mergeDocuments(acc, d, directives);
  }

  MapNode interpolate(MapNode doc, Scope scope) {
    if (!interpolate) {
      return doc;
    }
    return new TreeInterpolator(k -> Optional.ofNullable(scope.env().get(k)), warnings::add)
        .interpolate(doc);
  }
}
