package dev.jcompose.model.normalize;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.load.LoadedTree;
import dev.jcompose.model.load.YamlReader;
import dev.jcompose.model.output.ConfigRenderer;
import dev.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Builds loaded trees from YAML text, as the load stage would hand them over. */
public final class Fixtures {
  public static final Path DIR = Path.of("/work/proj");
  public static final Map<String, String> ENV = Map.of("HOME", "/home/user", "FOO", "from-env");

  private Fixtures() {}

  public static LoadedTree tree(String yaml) {
    return tree(yaml, List.of());
  }

  public static LoadedTree tree(String yaml, List<String> profiles) {
    return tree(yaml, profiles, DIR);
  }

  public static LoadedTree tree(String yaml, List<String> profiles, Path dir) {
    MapNode root = YamlReader.read(yaml, "compose.yaml").get(0);
    return new LoadedTree(
        "proj", dir, List.of(dir.resolve("compose.yaml")), ENV, profiles, root, List.of());
  }

  public static CanonicalProject canonical(String yaml) {
    LoadedTree t = tree(yaml);
    return ProjectNormalizer.normalize(
        t.projectName(), t.projectDir(), t.environment(), t.tree(), t.activeProfiles());
  }

  public static CanonicalProject loadDir(String yaml, Path dir) {
    LoadedTree t = tree(yaml, List.of(), dir);
    return ProjectNormalizer.normalize(
        t.projectName(), t.projectDir(), t.environment(), t.tree(), t.activeProfiles());
  }

  public static Map<String, Object> service(String yaml, String name) {
    return canonical(yaml).services().get(name);
  }

  public static LoadResult load(String yaml) {
    return ProjectLoader.fromTree(tree(yaml));
  }

  public static String json(String yaml) {
    return ConfigRenderer.render(load(yaml).canonical(), ConfigRenderer.Format.JSON, true);
  }

  public static String yaml(String yaml) {
    return ConfigRenderer.render(load(yaml).canonical(), ConfigRenderer.Format.YAML, true);
  }
}
