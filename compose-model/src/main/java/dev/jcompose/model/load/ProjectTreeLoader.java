package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;

/**
 * The single entry point of the loading stages: files in, one merged {@code MapNode} out.
 *
 * <p>Done here, in compose-go's order (loader.go loadYamlFile), for each file in {@code -f} order:
 * YAML parse with go-yaml scalar rules and {@code !reset}/{@code !override} tags; interpolation of
 * scalar VALUES (never keys) with the interpolation environment, followed by compose-go's type casts
 * for known paths (e.g. {@code privileged: ${X}} becomes a Boolean); {@code include} (each include
 * loaded as its own project with its own directory and .env, its relative paths made absolute);
 * {@code extends} (same file or {@code file:}; paths of a service taken from another file are made
 * absolute against that file's directory); merge into the accumulated tree with the compose merge
 * rules; the top-level {@code version} key is dropped (a warning is recorded).
 *
 * <p>Left to the normaliser: canonical long syntax (ports, volumes, depends_on, ...), defaults,
 * de-duplication after canonicalisation, relative path resolution against {@link
 * LoadedTree#projectDir()} (paths that come from the project's own files are left as written),
 * service {@code env_file} loading (use {@code dev.jcompose.model.env.DotEnv}), schema and
 * consistency validation, and <b>profiles</b>: the tree keeps ALL services; apply {@link
 * Profiles#split} with {@link LoadedTree#activeProfiles()} after normalisation, as compose-go's
 * ModelToProject does. The top-level {@code name} key is removed; use {@link
 * LoadedTree#projectName()}. Directives on nodes are consumed by the merge; nodes in the result
 * carry {@code Directive.NONE} except where a first file used a tag (harmless, ignore it).
 *
 * <p>Stateless and thread-safe. Errors are {@link ComposeFileException}s naming file, line,
 * column and attribute path where known.
 */
public final class ProjectTreeLoader {
  private ProjectTreeLoader() {}

  public static LoadedTree load(LoadOptions options) {
    return new ProjectLoading(options).run();
  }
}
