package dev.jcompose.model.validate;

import dev.jcompose.model.api.Project;
import dev.jcompose.model.normalize.CanonicalProject;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Marks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Checks the canonical model the way compose-go's validate.go (checkConsistency) and the schema's
 * enums/patterns do, with messages prefixed by {@code file:line:column} of the offending attribute.
 * Services are checked in name order so the first error reported is deterministic.
 */
public final class ProjectValidator {
  static final String INVALID = ": invalid compose project";
  private static final Pattern SERVICE_NAME = NameRules.KEY;
  private static final Pattern ULIMIT_NAME = Pattern.compile("^[a-z]+$");
  private static final Set<String> CONDITIONS =
      Set.of("service_started", "service_healthy", "service_completed_successfully");
  private static final Set<String> VOLUME_TYPES =
      Set.of("bind", "volume", "tmpfs", "cluster", "npipe", "image");

  private ProjectValidator() {}

  /**
   * {@code security_opt} and {@code device_cgroup_rules}: throws ComposeFileException on the first
   * invalid one, returns warnings for options jcompose does not apply (and for the uid, gid or mode
   * of a secret or config that comes from a file). Seccomp profile paths are relative to {@code
   * projectDir}.
   */
  public static List<String> checkSecurity(CanonicalProject project, Path projectDir) {
    List<String> warnings = new ArrayList<>(SecurityRules.check(project, projectDir));
    warnings.addAll(FileRefRules.check(project));
    return warnings;
  }

  /**
   * Applies {@link InputChecks} to the typed project: the first refused name or value becomes a
   * ComposeFileException at the attribute's file:line:column.
   */
  public static void validateInputs(Project typed, MapNode source) {
    InputChecks.first(typed)
        .ifPresent(
            p -> {
              throw Marks.error(source, p.toString(), p.path().toArray(String[]::new));
            });
  }

  /** Throws ComposeFileException on the first problem. */
  public static void validate(CanonicalProject project) {
    MapNode src = project.source();
    if (src.entries().isEmpty()) {
      throw Marks.error(src, "empty compose file");
    }
    new TreeMap<>(project.services())
        .forEach(
            (name, s) -> {
              if (!SERVICE_NAME.matcher(name).matches()) {
                throw Marks.error(
                    src,
                    "services: additional property \""
                        + name
                        + "\" is not allowed (service names must match "
                        + "^"
                        + SERVICE_NAME.pattern()
                        + "$)",
                    "services",
                    name);
              }
              ServiceRules.check(name, s, project, src);
              schemaRules(name, s, src);
            });
    secrets(project, src);
    DependencyCycles.find(edges(project))
        .ifPresent(
            cycle -> {
              throw Marks.error(
                  src,
                  "dependency cycle detected: " + String.join(" -> ", cycle),
                  "services",
                  cycle.get(0),
                  "depends_on");
            });
  }

  @SuppressWarnings("unchecked")
  private static void schemaRules(String name, Map<String, Object> s, MapNode src) {
    if (s.get("depends_on") instanceof Map<?, ?> deps) {
      deps.forEach(
          (dep, cfg) -> {
            Object cond = ((Map<String, Object>) cfg).get("condition");
            if (!CONDITIONS.contains(cond)) {
              throw Marks.error(
                  src,
                  "services."
                      + name
                      + ".depends_on."
                      + dep
                      + ".condition must be one of the following: "
                      + "\"service_started\", \"service_healthy\", \"service_completed_successfully\"",
                  "services",
                  name,
                  "depends_on",
                  (String) dep,
                  "condition");
            }
          });
    }
    if (s.get("volumes") instanceof List<?> vols) {
      for (int i = 0; i < vols.size(); i++) {
        Object type = ((Map<String, Object>) vols.get(i)).get("type");
        if (!VOLUME_TYPES.contains(type)) {
          throw Marks.error(
              src,
              "services."
                  + name
                  + ".volumes."
                  + i
                  + ".type must be one of the following: "
                  + "\"bind\", \"volume\", \"tmpfs\", \"cluster\", \"npipe\", \"image\"",
              "services",
              name,
              "volumes",
              String.valueOf(i));
        }
      }
    }
    if (s.get("ulimits") instanceof Map<?, ?> ulimits) {
      ulimits
          .keySet()
          .forEach(
              k -> {
                if (!ULIMIT_NAME.matcher((String) k).matches()) {
                  throw Marks.error(
                      src,
                      "services."
                          + name
                          + ".ulimits: additional property \""
                          + k
                          + "\" is not allowed",
                      "services",
                      name,
                      "ulimits",
                      (String) k);
                }
              });
    }
  }

  private static void secrets(CanonicalProject project, MapNode src) {
    new TreeMap<>(project.section("secrets"))
        .forEach(
            (key, secret) -> {
              if (!Boolean.TRUE.equals(secret.get("external"))
                  && !secret.containsKey("file")
                  && !secret.containsKey("environment")) {
                throw Marks.error(
                    src,
                    "secret \"" + key + "\" must declare either `file` or `environment`" + INVALID,
                    "secrets",
                    key);
              }
            });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Set<String>> edges(CanonicalProject project) {
    Map<String, Set<String>> edges = new HashMap<>();
    project
        .services()
        .forEach(
            (name, s) -> {
              Object deps = s.get("depends_on");
              edges.put(
                  name,
                  deps instanceof Map<?, ?> m ? ((Map<String, Object>) m).keySet() : Set.of());
            });
    return edges;
  }
}
