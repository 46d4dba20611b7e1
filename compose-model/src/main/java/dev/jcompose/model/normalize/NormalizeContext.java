package dev.jcompose.model.normalize;

import dev.jcompose.model.api.ComposeFileException;
import dev.jcompose.model.tree.Mark;
import dev.jcompose.model.tree.Node;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one normalisation run knows: project name and directory, the interpolation environment (for
 * bare {@code environment} keys and env_file contents) and the user's home (for {@code ~}).
 * Collects warnings. Not thread-safe; one per run.
 */
final class NormalizeContext {
  final String projectName;
  final Path projectDir;
  final Map<String, String> environment;
  final String home;
  final List<String> warnings = new ArrayList<>();

  /**
   * True for {@code --no-interpolate}: short syntax that can't be parsed (it holds ${VAR}) stays
   * raw.
   */
  boolean lenient;

  NormalizeContext(String projectName, Path projectDir, Map<String, String> environment) {
    this.projectName = projectName;
    this.projectDir = projectDir;
    this.environment = environment;
    String h = environment.get("HOME");
    this.home = h != null ? h : System.getProperty("user.home");
  }

  /** An error naming where {@code node} was written and the attribute path. */
  static ComposeFileException error(Node node, Object path, String message) {
    Mark m = node == null ? Mark.UNKNOWN : node.mark();
    return errorAt(m, path, message);
  }

  static ComposeFileException errorAt(Mark m, Object path, String message) {
    String where = m == null || m.line() == 0 ? "" : m + ": ";
    return new ComposeFileException(where + path + ": " + message);
  }

  /**
   * Host path as compose-go's path resolver writes it: {@code ~} expanded against the home
   * directory (and cleaned, as Go's filepath.Join does), relative paths joined to the project dir
   * (cleaned), an absolute path kept exactly as written ({@code /srv/data/} keeps its slash).
   */
  String absPath(String p) {
    if (p.equals("~") || p.startsWith("~/")) {
      return Path.of(home + p.substring(1)).normalize().toString();
    }
    Path path = Path.of(p);
    return path.isAbsolute() ? p : projectDir.resolve(path).normalize().toString();
  }
}
