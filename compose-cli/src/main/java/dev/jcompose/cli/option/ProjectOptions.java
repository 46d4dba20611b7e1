package dev.jcompose.cli.option;

import dev.jcompose.model.api.LoadOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The global flags docker compose takes before (or after) any verb: {@code -f}, {@code -p}, {@code
 * --project-directory}, {@code --env-file}, {@code --profile}. Inherited by every subcommand so
 * both {@code jcompose -f x.yaml up} and {@code jcompose up -f x.yaml} work.
 */
public final class ProjectOptions {

  @Option(
      names = {"-f", "--file"},
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Compose configuration files")
  List<String> files = new ArrayList<>();

  @Option(
      names = {"-p", "--project-name"},
      scope = ScopeType.INHERIT,
      paramLabel = "NAME",
      description = "Project name")
  String projectName;

  @Option(
      names = "--project-directory",
      scope = ScopeType.INHERIT,
      paramLabel = "DIR",
      description = "Alternate working directory")
  Path projectDirectory;

  @Option(
      names = "--env-file",
      scope = ScopeType.INHERIT,
      paramLabel = "FILE",
      description = "Alternate environment files")
  List<String> envFiles = new ArrayList<>();

  @Option(
      names = "--profile",
      scope = ScopeType.INHERIT,
      paramLabel = "PROFILE",
      description = "Profiles to enable")
  List<String> profiles = new ArrayList<>();

  /** Load options for the current process's environment and working directory. */
  public LoadOptions toLoadOptions(boolean interpolate) {
    return toLoadOptions(interpolate, System.getenv(), Path.of("").toAbsolutePath());
  }

  public LoadOptions toLoadOptions(boolean interpolate, Map<String, String> env, Path workingDir) {
    return new LoadOptions(
        List.copyOf(files),
        projectDirectory,
        projectName,
        List.copyOf(envFiles),
        List.copyOf(profiles),
        Map.copyOf(env),
        workingDir,
        interpolate,
        System.in);
  }
}
