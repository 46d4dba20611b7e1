package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;

/**
 * The single entry point of the loading stages: files in, one merged {@code MapNode} out.
 *
 * <p>Done here, in compose-go's order (loader.go loadYamlFile), for each file in {@code -f} order:
 * YAML parse with go-yaml scalar rules and {@code !reset}/{@code !override} tags; interpolation of
 * scalar VALUES (never keys) with the interpolation environment, followed by compose-go's type
 * casts for known paths (e.g. {@code privileged: ${X}} becomes a Boolean); {@code include} (each
 * include loaded as its own project with its own directory and .env, its relative paths made
 * absolute); {@code extends} (same file or {@code file:}; paths of a service taken from another
 * file are made absolute against that file's directory); merge into the accumulated tree with the
 * compose merge rules; the top-level {@code version} key is dropped (a warning is recorded).
 *
 * <p>Shape of the result: attribute forms are as written, except where merging two files converted
 * them (compose-go does the same): {@code environment}, {@code labels}, {@code sysctls}, {@code
 * annotations}, {@code build.args}, ... become sorted {@code KEY=VALUE} lists, {@code depends_on}
 * and service {@code networks} become mappings, {@code build} a mapping. Sequences at compose-go's
 * unicity paths (ports, volumes, secrets, environment, ...) are de-duplicated on the raw forms. All
 * {@code !reset}/{@code !override} directives are consumed (every node carries {@code
 * Directive.NONE}). The top-level {@code name} and {@code version} keys are removed; use {@link
 * LoadedTree#projectName()}.
 *
 * <p>Left to the normaliser: canonical long syntax (ports, volumes, depends_on, ...), defaults,
 * de-duplication again after canonicalisation, relative path and {@code ~} resolution against
 * {@link LoadedTree#projectDir()} (paths from the project's own files are left as written; paths
 * from extended files and included projects are already absolute), service {@code env_file} loading
 * (use {@code dev.jcompose.model.env.DotEnv}), schema and consistency validation, and
 * <b>profiles</b>: the tree keeps ALL services; apply {@link Profiles#split} with {@link
 * LoadedTree#activeProfiles()} after normalisation, as compose-go's ModelToProject does.
 *
 * <p>Stateless and thread-safe. Errors are {@link ComposeFileException}s naming file, line, column
 * and attribute path where known.
 */
public final class ProjectTreeLoader {
  private ProjectTreeLoader() {}

  public static LoadedTree load(LoadOptions options) {
    return new ProjectLoading(options).run();
  }

  /** The project's name as {@link #load} would choose it, reading no more than it needs. */
  public static String projectName(LoadOptions options) {
    return new ProjectLoading(options).name();
  }
}
