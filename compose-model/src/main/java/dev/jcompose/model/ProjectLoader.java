package dev.jcompose.model;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.load.LoadedTree;
import dev.jcompose.model.load.ProjectTreeLoader;
import dev.jcompose.model.normalize.CanonicalProject;
import dev.jcompose.model.normalize.ProjectNormalizer;
import dev.jcompose.model.normalize.TypedProjectBuilder;
import dev.jcompose.model.tree.TreeSourceMap;
import dev.jcompose.model.validate.ProjectValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The door of compose-model: compose files in, one resolved {@link Project} out, as {@code docker
 * compose} (compose-go) resolves them: load + interpolate + merge (load stage), then canonical long
 * syntax and defaults, profiles, validation, typed views.
 *
 * <p>Stateless and thread-safe; no side effects besides reading files. Every user error is a {@link
 * ComposeFileException} whose message is one line naming file, line, column and attribute.
 */
public final class ProjectLoader {
  private ProjectLoader() {}

  public static Project load(LoadOptions options) {
    return loadDetailed(options).project();
  }

  public static LoadResult loadDetailed(LoadOptions options) {
    return fromTree(ProjectTreeLoader.load(options), !options.interpolate());
  }

  /**
   * Normalises, validates and types an already loaded (interpolated) tree (used by tests and
   * tools).
   */
  public static LoadResult fromTree(LoadedTree loaded) {
    return fromTree(loaded, false);
  }

  private static LoadResult fromTree(LoadedTree loaded, boolean raw) {
    CanonicalProject canonical =
        ProjectNormalizer.normalize(
            loaded.projectName(),
            loaded.projectDir(),
            loaded.environment(),
            loaded.tree(),
            loaded.activeProfiles(),
            raw);
    List<String> warnings = new ArrayList<>(loaded.warnings());
    warnings.addAll(canonical.warnings());
    if (!raw) {
      // like docker compose's --no-interpolate path (ToModel), no consistency checks on raw text
      ProjectValidator.validate(canonical);
      warnings.addAll(ProjectValidator.checkSecurity(canonical, loaded.projectDir()));
    }
    Project project =
        TypedProjectBuilder.build(canonical, loaded.projectDir(), loaded.files(), raw);
    if (!raw) {
      ProjectValidator.validateInputs(project, canonical.source());
    }
    return new LoadResult(
        project,
        Collections.unmodifiableMap(canonical.model()),
        canonical.disabledServices(),
        canonical.allProfiles(),
        List.copyOf(warnings),
        new TreeSourceMap(canonical.source()));
  }
}
