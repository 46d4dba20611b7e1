package dev.jcompose.model.api;

import java.io.InputStream;
import java.nio.file.Path;
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
    InputStream stdin) {}
