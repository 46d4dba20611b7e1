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

  /** Host path: {@code ~} expanded, relative paths joined to the project dir, then cleaned. */
  String absPath(String p) {
    String s = p;
    if (s.equals("~") || s.startsWith("~/")) {
      s = home + s.substring(1);
    }
    Path path = Path.of(s);
    return (path.isAbsolute() ? path : projectDir.resolve(path)).normalize().toString();
  }
}
