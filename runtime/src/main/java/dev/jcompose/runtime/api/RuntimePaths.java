package dev.jcompose.runtime.api;

import java.nio.file.Path;
import java.util.Map;

/**
 * The two state roots: data ({@code /var/lib/jcompose}: images, volumes, containers) and run
 * ({@code /run/jcompose}: sockets, pids, locks). Overridable with JCOMPOSE_DATA_ROOT and
 * JCOMPOSE_RUN_ROOT so tests and users' stacks never share state.
 */
public record RuntimePaths(Path dataRoot, Path runRoot) {

  public static RuntimePaths fromEnvironment(Map<String, String> env) {
    return new RuntimePaths(
        Path.of(env.getOrDefault("JCOMPOSE_DATA_ROOT", "/var/lib/jcompose")),
        Path.of(env.getOrDefault("JCOMPOSE_RUN_ROOT", "/run/jcompose")));
  }

  public Path images() {
    return dataRoot.resolve("images");
  }

  public Path volumes() {
    return dataRoot.resolve("volumes");
  }

  public Path containers() {
    return dataRoot.resolve("containers");
  }

  public Path containerRun(String id) {
    return runRoot.resolve("containers").resolve(id);
  }
}
