package dev.jcompose.model.validate;

import dev.jcompose.model.normalize.CanonicalProject;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Marks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Warns where a secret or config reference sets {@code uid}, {@code gid} or {@code mode} that
 * cannot be applied: a {@code file:} source is bind-mounted as the host file is (docker compose
 * ignores the three there too, with a warning); changing the owner or mode of the user's own file
 * is not the engine's to do. Content written by the engine ({@code content:}, {@code environment:})
 * gets them.
 */
final class FileRefRules {
  private FileRefRules() {}

  /** The warnings, services in name order. */
  static List<String> check(CanonicalProject project) {
    MapNode src = project.source();
    List<String> warnings = new ArrayList<>();
    new TreeMap<>(project.services())
        .forEach(
            (name, s) -> {
              for (String section : List.of("secrets", "configs")) {
                warnings.addAll(refs(project, src, name, s, section));
              }
            });
    return warnings;
  }

  private static List<String> refs(
      CanonicalProject project,
      MapNode src,
      String service,
      Map<String, Object> s,
      String section) {
    List<?> refs = s.get(section) instanceof List<?> l ? l : List.of();
    Map<String, Map<String, Object>> defined = project.section(section);
    List<String> warnings = new ArrayList<>();
    for (int i = 0; i < refs.size(); i++) {
      if (!(refs.get(i) instanceof Map<?, ?> ref)) {
        continue;
      }
      Map<String, Object> def = defined.get(String.valueOf(ref.get("source")));
      boolean fromFile = def != null && def.get("file") != null;
      List<String> set =
          List.of("uid", "gid", "mode").stream()
              .filter(k -> ref.get(k) != null && !String.valueOf(ref.get(k)).isEmpty())
              .toList();
      if (fromFile && !set.isEmpty()) {
        warnings.add(
            Marks.where(src, "services", service, section, String.valueOf(i))
                + "services."
                + service
                + "."
                + section
                + "."
                + i
                + ": "
                + String.join(", ", set)
                + " of "
                + section.substring(0, section.length() - 1)
                + " \""
                + ref.get("source")
                + "\" not applied: a file source is bind-mounted with the host file's owner and"
                + " mode");
      }
    }
    return warnings;
  }
}
