package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import java.util.function.Function;

/**
 * Loads the compose project, printing the loader's warnings (unset variables, attributes jcompose
 * does not apply) on stderr as docker compose does; a field so tests can load fixtures without
 * files.
 */
final class ProjectSource {
  static Function<LoadOptions, Project> loader =
      options -> {
        LoadResult result = ProjectLoader.loadDetailed(options);
        Warnings.printAll(result.warnings());
        return result.project();
      };

  private ProjectSource() {}

  static Project load(LoadOptions options) {
    return loader.apply(options);
  }
}
