package dev.jcompose.model.load;

import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.tree.ListNode;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds LoadOptions against a temp directory tree and reads results, for loader tests. */
final class LoaderFixture {
  final Path root;
  List<String> files = new ArrayList<>();
  Path projectDir;
  String projectName;
  List<String> envFiles = new ArrayList<>();
  List<String> profiles = new ArrayList<>();
  Map<String, String> env = new HashMap<>(Map.of("HOME", "/home/tester"));
  Path cwd;
  String stdin;

  LoaderFixture(Path root) {
    this.root = root;
    this.cwd = root;
  }

  LoaderFixture write(String relative, String content) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LoadedTree load() {
    return ProjectTreeLoader.load(
        new LoadOptions(
            files,
            projectDir,
            projectName,
            envFiles,
            profiles,
            env,
            cwd,
            true,
            stdin == null
                ? null
                : new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
  }

  static Node at(MapNode tree, String... path) {
    Node n = tree;
    for (String p : path) {
      n = ((MapNode) n).get(p);
    }
    return n;
  }

  static Object value(MapNode tree, String... path) {
    return ((ScalarNode) at(tree, path)).value();
  }

  static List<Object> values(MapNode tree, String... path) {
    List<Object> out = new ArrayList<>();
    ((ListNode) at(tree, path)).items().forEach(n -> out.add(((ScalarNode) n).value()));
    return out;
  }
}
