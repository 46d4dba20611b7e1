package dev.jcompose.cli.option;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Opt;
import dev.jcompose.cli.console.Invocation;
import dev.jcompose.model.api.LoadOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The global flags docker compose takes before (or after) any verb: {@code -f}, {@code -p}, {@code
 * --project-directory}, {@code --env-file}, {@code --profile}, so both {@code jcompose -f x.yaml
 * up} and {@code jcompose up -f x.yaml} work.
 */
public record ProjectOptions(
    List<String> files,
    String projectName,
    Path projectDirectory,
    List<String> envFiles,
    List<String> profiles) {

  public static final Opt FILE = Opt.value("FILE", "Compose configuration files", "-f", "--file");
  public static final Opt PROJECT_NAME = Opt.value("NAME", "Project name", "-p", "--project-name");
  public static final Opt PROJECT_DIRECTORY =
      Opt.value("DIR", "Alternate working directory", "--project-directory");
  public static final Opt ENV_FILE = Opt.value("FILE", "Alternate environment files", "--env-file");
  public static final Opt PROFILE = Opt.value("PROFILE", "Profiles to enable", "--profile");
  public static final Opt ANSI =
      Opt.value(
          "WHEN",
          "Control when to print ANSI control characters (\"never\"|\"always\"|\"auto\")",
          "--ansi");
  public static final Opt PROGRESS =
      Opt.value(
          "TYPE", "Set type of progress output (auto, tty, plain, json, quiet)", "--progress");
  public static final Opt PARALLEL =
      Opt.value("N", "Control max parallelism, -1 for unlimited", "--parallel");
  public static final Opt DRY_RUN = Opt.flag("Execute command in dry run mode", "--dry-run");

  /** The options every verb accepts. */
  public static final List<Opt> GLOBALS =
      List.of(
          FILE,
          PROJECT_NAME,
          PROJECT_DIRECTORY,
          ENV_FILE,
          PROFILE,
          ANSI,
          PROGRESS,
          PARALLEL,
          DRY_RUN);

  /** --ansi, else COMPOSE_ANSI, else auto. */
  public static String ansi(Args args) {
    return args.get(ANSI, Invocation.current().env().getOrDefault("COMPOSE_ANSI", "auto"));
  }

  /** --progress, else COMPOSE_PROGRESS, else auto. */
  public static String progress(Args args) {
    return args.get(PROGRESS, Invocation.current().env().getOrDefault("COMPOSE_PROGRESS", "auto"));
  }

  /** --parallel, else COMPOSE_PARALLEL_LIMIT, else -1 (the engine's bound). */
  public static int parallel(Args args) {
    Integer given = args.integer(PARALLEL);
    if (given != null) {
      return given;
    }
    try {
      return Integer.parseInt(
          Invocation.current().env().getOrDefault("COMPOSE_PARALLEL_LIMIT", "-1"));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  public static boolean dryRun(Args args) {
    return args.has(DRY_RUN);
  }

  public static ProjectOptions of(Args args) {
    String dir = args.get(PROJECT_DIRECTORY);
    return new ProjectOptions(
        args.all(FILE),
        args.get(PROJECT_NAME),
        dir == null ? null : Path.of(dir),
        args.all(ENV_FILE),
        args.all(PROFILE));
  }

  /** Load options for the current process's environment and working directory. */
  public LoadOptions toLoadOptions(boolean interpolate) {
    return toLoadOptions(interpolate, Invocation.current().env(), Invocation.current().cwd());
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
        Invocation.current().in());
  }
}
