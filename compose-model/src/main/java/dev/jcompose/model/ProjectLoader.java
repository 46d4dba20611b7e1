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
import dev.jcompose.model.normalize.UnusedResources;
import dev.jcompose.model.support.SupportCheck;
import dev.jcompose.model.tree.TreeSourceMap;
import dev.jcompose.model.validate.ProjectValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

  /**
   * The name {@link #load} gives the project ({@code -p}, {@code COMPOSE_PROJECT_NAME}, the files'
   * {@code name:}, the directory), without loading it: for verbs that act on the project's existing
   * containers ({@code ps}, {@code logs}, {@code exec}...).
   */
  public static String projectName(LoadOptions options) {
    return ProjectTreeLoader.projectName(options);
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
      // then, like its loader (ToProject), only the resources the services use
      canonical =
          new CanonicalProject(
              UnusedResources.drop(canonical.model()),
              canonical.source(),
              canonical.disabledServices(),
              canonical.allProfiles(),
              canonical.warnings());
      warnings.addAll(
          SupportCheck.check(
              canonical.source(),
              canonical.services(),
              Map.of(
                  "networks",
                  canonical.section("networks"),
                  "volumes",
                  canonical.section("volumes"),
                  "secrets",
                  canonical.section("secrets"),
                  "configs",
                  canonical.section("configs"))));
    }
    Project project =
        TypedProjectBuilder.build(
            canonical, loaded.projectDir(), loaded.files(), raw, loaded.environment());
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
