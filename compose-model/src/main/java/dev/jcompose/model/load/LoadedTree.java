package dev.jcompose.model.load;

import dev.jcompose.model.tree.MapNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The output of {@link ProjectTreeLoader}: one merged, interpolated compose document per project.
 *
 * @param projectName the final project name (precedence and normalisation already applied)
 * @param projectDir absolute project directory ({@code --project-directory}, else the directory of
 *     the first file, else the working dir); relative paths left in {@code tree} resolve against it
 * @param files absolute paths of the compose files loaded, in order ({@code -} for stdin stays
 *     {@code <workingDir>/-}, as compose-go does)
 * @param environment the interpolation environment: caller's environment over {@code --env-file} /
 *     {@code .env} values, plus {@code COMPOSE_PROJECT_NAME}. Use it for bare keys in {@code
 *     environment:} and to interpolate service {@code env_file} contents.
 * @param activeProfiles profiles from {@code --profile}, else {@code COMPOSE_PROFILES} (comma list)
 * @param tree the merged document; see {@link ProjectTreeLoader} for what is and is not done to it
 * @param warnings user-facing warnings (unset variables, obsolete {@code version}, ...), in order
 */
public record LoadedTree(
    String projectName,
    Path projectDir,
    List<Path> files,
    Map<String, String> environment,
    List<String> activeProfiles,
    MapNode tree,
    List<String> warnings) {}
