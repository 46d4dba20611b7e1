package dev.jcompose.model.load;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How one set of compose files is loaded: its working directory (base of relative include and
 * extends paths), its interpolation environment, which stages run, and the chain of files that
 * included it (for cycle detection).
 */
record Scope(
    Path workingDir,
    Map<String, String> env,
    boolean includes,
    boolean extendsServices,
    List<String> includeChain) {

  static Scope project(Path workingDir, Map<String, String> env) {
    return new Scope(workingDir, env, true, true, List.of());
  }

  /** A file read by {@code extends: {file:}}: no include, extends resolved by the caller. */
  Scope forExtendedFile(Path dir) {
    return new Scope(dir, env, false, false, includeChain);
  }
}
