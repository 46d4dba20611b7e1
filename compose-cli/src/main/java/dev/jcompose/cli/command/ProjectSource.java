package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;

/** Loads the compose project; a field so tests can load fixtures without files. */
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

  /** Load warnings go to stderr before the verb runs, as docker compose logs them (WARN). */
  private static Project loadAndWarn(LoadOptions options) {
    LoadResult result = ProjectLoader.loadDetailed(options);
    warn(result);
    return result.project();
  }

  static void warn(LoadResult result) {
    result.warnings().forEach(w -> System.err.println("WARN " + w));
  }

  static Project load(LoadOptions options) {
    return loader.load(options);
  }

  static String name(LoadOptions options) {
    return loader.name(options);
  }
}
