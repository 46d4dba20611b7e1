package dev.jcompose.model.normalize;

import dev.jcompose.model.tree.MapNode;
import dev.jcompose.model.tree.TreePath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One service to its canonical form (compose-go Canonical + defaults + Normalize + environment
 * resolution): long syntax everywhere, implicit dependencies from links / {@code service:}
 * namespaces / volumes_from, the {@code default} network when none is declared, env_file merged
 * into environment. Keys end in types.ServiceConfig order; command and entrypoint are always
 * present (null when unset) because compose-go marshals them without omitempty.
 */
final class ServiceNormalizer {
  private static final List<String> NAMESPACES =
      List.of("network_mode", "ipc", "pid", "uts", "cgroup");

  private ServiceNormalizer() {}

  static Map<String, Object> normalize(String name, MapNode svc, NormalizeContext ctx) {
    TreePath path = TreePath.ROOT.key("services").key(name);
    Map<String, Object> out = new LinkedHashMap<>();
    ServiceFields.SERVICE.fill(svc, path, ctx, out);
    out.putIfAbsent("command", null);
    out.putIfAbsent("entrypoint", null);
    EnvironmentResolver.resolve(svc, path, ctx, out);
    EnvironmentResolver.resolveLabels(svc, path, ctx, out);
    addImplicitDependencies(out);
    addDefaultNetwork(out);
    return ListConvs.reorder(out, ServiceFields.SERVICE);
  }

  @SuppressWarnings("unchecked")
  private static void addImplicitDependencies(Map<String, Object> out) {
    GoMap deps = new GoMap();
    if (out.get("depends_on") instanceof Map<?, ?> m) {
      deps.putAll((Map<String, Object>) m);
    }
    if (out.get("links") instanceof List<?> links) {
      for (Object l : links) {
        String[] parts = String.valueOf(l).split(":", -1);
        deps.putIfAbsent(
            parts.length == 2 ? parts[0] : String.valueOf(l),
            MapConvs.dependency("service_started", true));
      }
    }
    for (String ns : NAMESPACES) {
      if (out.get(ns) instanceof String ref && ref.startsWith("service:")) {
        deps.putIfAbsent(
            ref.substring("service:".length()), MapConvs.dependency("service_started", true));
      }
    }
    if (out.get("volumes_from") instanceof List<?> from) {
      for (Object v : from) {
        String spec = String.valueOf(v);
        if (!spec.startsWith("container:")) {
          deps.putIfAbsent(spec.split(":", -1)[0], MapConvs.dependency("service_started", false));
        }
      }
    }
    if (!deps.isEmpty()) {
      out.put("depends_on", GoMap.sorted(deps));
    }
  }

  /** compose-go normalizeNetworks: no networks (or an empty section) means the default network. */
  private static void addDefaultNetwork(Map<String, Object> out) {
    if (out.containsKey("network_mode") || out.containsKey("provider")) {
      return;
    }
    if (!(out.get("networks") instanceof Map<?, ?> nets) || nets.isEmpty()) {
      GoMap def = new GoMap();
      def.put("default", null);
      out.put("networks", def);
    }
  }
}
