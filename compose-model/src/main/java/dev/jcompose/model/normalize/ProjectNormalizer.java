package dev.jcompose.model.normalize;

import dev.jcompose.model.load.Profiles;
import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.Node;
import dev.jcompose.model.tree.ScalarNode;
import dev.jcompose.model.tree.TreePath;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Entry point of normalisation: a merged, interpolated tree in, the canonical model out. Applies
 * profiles (disabled services are checked but not printed), normalises each service and top-level
 * resource, and adds the implicit {@code default} network only when a service uses it. Stateless;
 * thread-safe.
 */
public final class ProjectNormalizer {
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "version",
          "name",
          "services",
          "networks",
          "volumes",
          "secrets",
          "configs",
          "include",
          "models");
  private static final List<String> SECTIONS = List.of("networks", "volumes", "secrets", "configs");

  private ProjectNormalizer() {}

  public static CanonicalProject normalize(
      String projectName,
      Path projectDir,
      Map<String, String> environment,
      MapNode tree,
      Collection<String> activeProfiles) {
    return normalize(projectName, projectDir, environment, tree, activeProfiles, false);
  }

  /**
   * With {@code lenient} (the tree was not interpolated), short port/volume entries that do not
   * parse are kept as written, as compose-go's Canonical(ignoreParseError) does.
   */
  public static CanonicalProject normalize(
      String projectName,
      Path projectDir,
      Map<String, String> environment,
      MapNode tree,
      Collection<String> activeProfiles,
      boolean lenient) {
    NormalizeContext ctx = new NormalizeContext(projectName, projectDir, environment);
    ctx.lenient = lenient;
    checkTopLevel(tree);
    Profiles.Split split = Profiles.split(tree, activeProfiles, List.of());
    GoMap services = new GoMap();
    if (split.enabled().get("services") instanceof MapNode svcs) {
      svcs.entries().forEach((name, svc) -> services.put(name, service(name, svc, ctx)));
    }
    split.disabled().forEach((name, svc) -> service(name, svc, ctx));
    GoMap model = new GoMap();
    for (String section : SECTIONS) {
      GoMap resources = ResourceNormalizer.normalize(section, tree.get(section), ctx);
      if (section.equals("networks")
          && usesDefault(services)
          && !resources.containsKey("default")) {
        resources.put("default", defaultNetwork(projectName));
        resources = GoMap.sorted(resources);
      }
      if (!resources.isEmpty()) {
        model.put(section, resources);
      }
    }
    model.put("name", projectName);
    model.put("services", GoMap.sorted(services));
    tree.entries()
        .forEach(
            (k, v) -> {
              if (k.startsWith("x-")) {
                model.put(k, Plain.of(v));
              }
            });
    return new CanonicalProject(
        GoMap.sorted(model),
        split.enabled(),
        List.copyOf(split.disabled().keySet()),
        allProfiles(tree),
        List.copyOf(ctx.warnings));
  }

  private static Map<String, Object> service(String name, Node svc, NormalizeContext ctx) {
    if (!(svc instanceof MapNode m)) {
      if (svc instanceof ScalarNode s && s.value() == null) {
        return ServiceNormalizer.normalize(name, MapNode.empty(s.mark()), ctx);
      }
      throw NormalizeContext.error(svc, "services." + name, "must be a mapping");
    }
    return ServiceNormalizer.normalize(name, m, ctx);
  }

  private static void checkTopLevel(MapNode tree) {
    for (String key : tree.entries().keySet()) {
      if (!TOP_LEVEL.contains(key) && !key.startsWith("x-")) {
        throw NormalizeContext.errorAt(
            tree.keyMark(key), "(root)", "additional property \"" + key + "\" is not allowed");
      }
    }
    if (!(tree.get("services") instanceof MapNode) && !Converters.isNull(tree.get("services"))) {
      throw NormalizeContext.error(tree.get("services"), "services", "must be a mapping");
    }
  }

  private static boolean usesDefault(GoMap services) {
    return services.values().stream()
        .anyMatch(
            s ->
                s instanceof Map<?, ?> m
                    && m.get("networks") instanceof Map<?, ?> nets
                    && nets.containsKey("default"));
  }

  private static Map<String, Object> defaultNetwork(String project) {
    Map<String, Object> net = new LinkedHashMap<>();
    net.put("name", project + "_default");
    net.put("ipam", new GoStruct());
    return net;
  }

  private static List<String> allProfiles(MapNode tree) {
    Set<String> out = new TreeSet<>();
    if (tree.get("services") instanceof MapNode svcs) {
      for (Node svc : svcs.entries().values()) {
        if (svc instanceof MapNode m && m.get("profiles") != null) {
          out.addAll(Converters.strings(m.get("profiles"), TreePath.ROOT, true));
        }
      }
    }
    return new ArrayList<>(out);
  }
}
