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
 * --project-directory}, {@code --env-file}, {@code --profile}, and how the command shows and does
 * its work: {@code --ansi}, {@code --progress}, {@code --parallel}, {@code --dry-run}. Inherited by
 * every subcommand so both {@code jcompose -f x.yaml up} and {@code jcompose up -f x.yaml} work.
 * Unset, the last four come from COMPOSE_ANSI, COMPOSE_PROGRESS and COMPOSE_PARALLEL_LIMIT as in
 * docker compose.
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

  @Option(
      names = "--ansi",
      scope = ScopeType.INHERIT,
      paramLabel = "WHEN",
      description = "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\")")
  String ansi;

  @Option(
      names = "--progress",
      scope = ScopeType.INHERIT,
      paramLabel = "TYPE",
      description = "Set type of progress output (auto, tty, plain, json, quiet)")
  String progress;

  @Option(
      names = "--parallel",
      scope = ScopeType.INHERIT,
      paramLabel = "N",
      description = "Control max parallelism, -1 for unlimited")
  Integer parallel;

  @Option(
      names = "--dry-run",
      scope = ScopeType.INHERIT,
      description = "Execute command in dry run mode")
  boolean dryRun;

  /** --ansi, else COMPOSE_ANSI, else auto. */
  public String ansi() {
    return ansi != null ? ansi : System.getenv().getOrDefault("COMPOSE_ANSI", "auto");
  }

  /** --progress, else COMPOSE_PROGRESS, else auto. */
  public String progress() {
    return progress != null ? progress : System.getenv().getOrDefault("COMPOSE_PROGRESS", "auto");
  }

  /** --parallel, else COMPOSE_PARALLEL_LIMIT, else -1 (the engine's bound). */
  public int parallel() {
    if (parallel != null) {
      return parallel;
    }
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COMPOSE_PARALLEL_LIMIT", "-1"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public boolean dryRun() {
    return dryRun;
  }

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
