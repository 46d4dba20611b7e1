package dev.jcompose.cli.command;

import dev.jcompose.model.ProjectLoader;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.api.Project;
import java.util.function.Function;

/** Loads the compose project; a field so tests can load fixtures without files. */
final class ProjectSource {
  static Function<LoadOptions, Project> loader = ProjectLoader::load;

  private ProjectSource() {}

  static Project load(LoadOptions options) {
    return loader.apply(options);
  }
}
