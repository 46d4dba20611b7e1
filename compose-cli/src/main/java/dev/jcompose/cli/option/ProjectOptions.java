package dev.jcompose.cli.option;

import dev.jcompose.cli.args.Args;
import dev.jcompose.cli.args.Opt;
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

  /** The options every verb accepts. */
  public static final List<Opt> GLOBALS =
      List.of(FILE, PROJECT_NAME, PROJECT_DIRECTORY, ENV_FILE, PROFILE);

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
