package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;

/**
 * Loads the compose project, printing the loader's warnings (unset variables, attributes jcompose
 * does not apply) on stderr as docker compose does; a field so tests can load fixtures without
 * files.
 */
final class ProjectSource {
  /** Loads a project; its name alone may be found with less work. */
  interface Loader {
    Project load(LoadOptions options);

    default String name(LoadOptions options) {
      return load(options).name();
    }
  }

  static Loader loader =
      new Loader() {
        @Override
        public Project load(LoadOptions options) {
          return loadAndWarn(options);
        }

        @Override
        public String name(LoadOptions options) {
          return ProjectLoader.projectName(options);
        }
      };

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
    return loader.load(options);
  }

  static String name(LoadOptions options) {
    return loader.name(options);
  }
}
