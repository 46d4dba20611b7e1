package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.interpolate.Template;
import dev.jcompose.model.interpolate.TemplateException;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of {@link ProjectTreeLoader#load}: setup, project name, then the document pipeline. */
final class ProjectLoading {
  private final LoadOptions options;
  private final List<String> warnings = new ArrayList<>();

  ProjectLoading(LoadOptions options) {
    this.options = options;
  }

  LoadedTree run() {
    ProjectSetup setup = new ProjectSetupResolver(options, warnings).resolve();
    Map<String, String> env = new LinkedHashMap<>(setup.environment());
    FileSource source = new FileSource(options.stdin());
    String name = name(setup, source, env);
    env.put("COMPOSE_PROJECT_NAME", name);
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    DocumentPipeline pipeline = new DocumentPipeline(source, options.interpolate(), warnings, home);
    List<String> documents = new ArrayList<>(setup.files());
    documents.addAll(source.overrides(options.overrides()));
    MapNode tree = pipeline.load(documents, Scope.project(setup.projectDir(), env));
    if (tree.entries().isEmpty()) {
      throw new ComposeFileException("empty compose file");
    }
    tree.entries().remove("name");
    List<Path> files =
        setup.files().stream().map(f -> f.equals("-") ? cwd().resolve("-") : Path.of(f)).toList();
    return new LoadedTree(
        name,
        setup.projectDir(),
        files,
        Map.copyOf(env),
        setup.profiles(),
        tree,
        List.copyOf(new LinkedHashSet<>(warnings)));
  }

  /**
   * The project name alone: the files are found and, only when neither {@code -p} nor {@code
   * COMPOSE_PROJECT_NAME} names the project, read for their {@code name:}; nothing else is parsed,
   * interpolated or validated.
   */
  String name() {
    ProjectSetup setup = new ProjectSetupResolver(options, warnings).resolve();
    return name(setup, new FileSource(options.stdin()), setup.environment());
  }

  private String name(ProjectSetup setup, FileSource source, Map<String, String> env) {
    String flag = options.projectName();
    String fromEnv = env.get("COMPOSE_PROJECT_NAME");
    boolean given = (flag != null && !flag.isEmpty()) || (fromEnv != null && !fromEnv.isEmpty());
    return ProjectNames.choose(
        flag,
        fromEnv,
        given ? null : nameFromFiles(source, setup.files(), env),
        setup.projectDir());
  }

  private Path cwd() {
    return (options.workingDir() == null ? Path.of("") : options.workingDir()).toAbsolutePath();
  }

  /** The interpolated {@code name:} of the last document setting one; null if none does. */
  private String nameFromFiles(FileSource source, List<String> files, Map<String, String> env) {
    String raw = null;
    for (String f : files) {
      for (MapNode doc : source.documents(f)) {
        Node n = doc.get("name");
        if (n instanceof ScalarNode s && !s.text().isEmpty()) {
          raw = s.text();
        }
      }
    }
    if (raw == null || !options.interpolate()) {
      return raw;
    }
    try {
      return new Template(k -> Optional.ofNullable(env.get(k)), w -> {}).substitute(raw);
    } catch (TemplateException e) {
      throw new ComposeFileException("error while interpolating name: " + e.getMessage(), e);
    }
  }
}
