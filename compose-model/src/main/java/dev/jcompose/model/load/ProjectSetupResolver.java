package dev.jcompose.model.load;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.api.LoadOptions;
import dev.jcompose.model.env.DotEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Resolves files, project directory, environment and profiles in docker compose's order
 * (cmd/compose toProjectOptions over compose-go cli/options.go): caller's environment, then the env
 * files of the working dir (filling missing keys only), then {@code COMPOSE_FILE} or discovery from
 * the working dir upwards, then the env files again from the now known project directory, then
 * {@code COMPOSE_PROFILES}.
 */
final class ProjectSetupResolver {
  static final List<String> DEFAULT_FILES =
      List.of("compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml");
  static final List<String> OVERRIDE_FILES =
      List.of(
          "compose.override.yml",
          "compose.override.yaml",
          "docker-compose.override.yml",
          "docker-compose.override.yaml");

  private final LoadOptions options;
  private final Path cwd;
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> warnings;
  private List<String> files = new ArrayList<>();

  ProjectSetupResolver(LoadOptions options, List<String> warnings) {
    this.options = options;
    this.cwd =
        (options.workingDir() == null ? Path.of("") : options.workingDir())
            .toAbsolutePath()
            .normalize();
    this.warnings = warnings;
    if (options.environment() != null) {
      env.putAll(options.environment());
    }
    env.putIfAbsent("PWD", cwd.toString());
    if (options.files() != null) {
      options.files().forEach(f -> files.add(absolute(f)));
    }
  }

  ProjectSetup resolve() {
    loadEnvFiles();
    filesFromEnvironment();
    discoverDefaultFiles();
    loadEnvFiles();
    return new ProjectSetup(projectDir(), List.copyOf(files), env, profiles());
  }

  private String absolute(String f) {
    return f.equals("-") ? f : cwd.resolve(f).normalize().toString();
  }

  /** compose-go GetWorkingDir: --project-directory, else dir of the first file, else the cwd. */
  Path projectDir() {
    if (options.projectDirectory() != null) {
      return cwd.resolve(options.projectDirectory()).toAbsolutePath().normalize();
    }
    return files.stream()
        .filter(f -> !f.equals("-"))
        .findFirst()
        .map(f -> Path.of(f).getParent())
        .orElse(cwd);
  }

  private void loadEnvFiles() {
    List<Path> envFiles = envFiles();
    DotEnv.readProjectFiles(envFiles, env).forEach(env::putIfAbsent);
  }

  private List<Path> envFiles() {
    List<String> given = options.envFiles() == null ? List.of() : options.envFiles();
    if (given.isEmpty()
        && env.get("COMPOSE_ENV_FILES") != null
        && !env.get("COMPOSE_ENV_FILES").isEmpty()) {
      given = List.of(env.get("COMPOSE_ENV_FILES").split(","));
    }
    if (!given.isEmpty()) {
      return given.stream().map(f -> cwd.resolve(f).normalize()).toList();
    }
    if (isTrue(env.get("COMPOSE_DISABLE_ENV_FILE"))) {
      return List.of();
    }
    Path dotEnv = projectDir().resolve(".env");
    return Files.isRegularFile(dotEnv) ? List.of(dotEnv) : List.of();
  }

  private static boolean isTrue(String v) {
    return v != null && List.of("1", "t", "T", "true", "TRUE", "True").contains(v);
  }

  private void filesFromEnvironment() {
    String composeFile = env.get("COMPOSE_FILE");
    if (!files.isEmpty() || composeFile == null) {
      return;
    }
    String sep = env.getOrDefault("COMPOSE_PATH_SEPARATOR", "");
    sep = sep.isEmpty() ? ":" : sep;
    for (String f : composeFile.split(Pattern.quote(sep), -1)) {
      files.add(absolute(f));
    }
  }

  private void discoverDefaultFiles() {
    if (!files.isEmpty()) {
      return;
    }
    Path dir = options.projectDirectory() != null ? projectDir() : cwd;
    for (; dir != null; dir = dir.getParent()) {
      List<Path> found = existing(dir, DEFAULT_FILES);
      if (!found.isEmpty()) {
        files.add(pick(found, "config").toString());
        List<Path> overrides = existing(dir, OVERRIDE_FILES);
        if (!overrides.isEmpty()) {
          files.add(pick(overrides, "override").toString());
        }
        return;
      }
    }
    throw new ComposeFileException("no configuration file provided: not found");
  }

  private Path pick(List<Path> found, String what) {
    if (found.size() > 1) {
      warnings.add(
          "Found multiple "
              + what
              + " files with supported names: "
              + String.join(", ", found.stream().map(Path::toString).toList()));
      warnings.add("Using " + found.get(0));
    }
    return found.get(0);
  }

  private static List<Path> existing(Path dir, List<String> names) {
    return names.stream().map(dir::resolve).filter(Files::exists).toList();
  }

  private List<String> profiles() {
    if (options.profiles() != null && !options.profiles().isEmpty()) {
      return List.copyOf(options.profiles());
    }
    String p = env.get("COMPOSE_PROFILES");
    if (p == null || p.isBlank()) {
      return List.of();
    }
    return Arrays.stream(p.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
