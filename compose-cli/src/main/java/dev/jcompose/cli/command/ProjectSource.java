package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.LoadResult;
import dev.jcompose.model.api.Project;
import java.util.function.Function;

/** Loads the compose project; a field so tests can load fixtures without files. */
final class ProjectSource {
  static Function<LoadOptions, Project> loader = ProjectSource::loadAndWarn;

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
    return loader.apply(options);
  }
}
