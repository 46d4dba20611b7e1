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
  static Function<LoadOptions, Project> loader = ProjectSource::loadAndWarn;

  private ProjectSource() {}

  /**
   * Load warnings (unset variables, attributes jcompose does not apply) go to stderr before the
   * verb runs, as docker compose logs them ({@code WARN[0000]}), each once per command.
   */
  private static Project loadAndWarn(LoadOptions options) {
    LoadResult result = ProjectLoader.loadDetailed(options);
    warn(result);
    return result.project();
  }

  static void warn(LoadResult result) {
    Warnings.printAll(result.warnings());
  }

  static Project load(LoadOptions options) {
    return loader.apply(options);
  }
}
