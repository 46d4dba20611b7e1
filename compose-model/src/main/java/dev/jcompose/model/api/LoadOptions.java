package dev.jcompose.model.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for on the command line, the way docker compose takes it.
 *
 * @param files {@code -f} values in order ("-" = stdin); empty = discover in the working dir
 * @param projectDirectory {@code --project-directory} or null
 * @param projectName {@code -p} or null
 * @param envFiles {@code --env-file} values; empty = {@code <project dir>/.env}
 * @param profiles {@code --profile} values
 * @param environment the caller's environment (wins over .env)
 * @param workingDir the directory the user runs jcompose in
 * @param interpolate false for {@code --no-interpolate}
 * @param stdin source for "-"
 * @param overrides compose documents (YAML) merged after the files, as one more {@code -f} would
 *     be, named {@code <command line>} in errors: how {@code run -v/-l/--cap-add} change a service
 */
public record LoadOptions(
    List<String> files,
    Path projectDirectory,
    String projectName,
    List<String> envFiles,
    List<String> profiles,
    Map<String, String> environment,
    Path workingDir,
    boolean interpolate,
    InputStream stdin,
    List<String> overrides) {

  public LoadOptions {
    overrides = overrides == null ? List.of() : List.copyOf(overrides);
  }

  /** Without override documents. */
  public LoadOptions(
      List<String> files,
      Path projectDirectory,
      String projectName,
      List<String> envFiles,
      List<String> profiles,
      Map<String, String> environment,
      Path workingDir,
      boolean interpolate,
      InputStream stdin) {
    this(
        files,
        projectDirectory,
        projectName,
        envFiles,
        profiles,
        environment,
        workingDir,
        interpolate,
        stdin,
        List.of());
  }

  /** These options with {@code document} merged last. */
  public LoadOptions withOverride(String document) {
    List<String> all = new ArrayList<>(overrides);
    all.add(document);
    return new LoadOptions(
        files,
        projectDirectory,
        projectName,
        envFiles,
        profiles,
        environment,
        workingDir,
        interpolate,
        stdin,
        all);
  }
}
