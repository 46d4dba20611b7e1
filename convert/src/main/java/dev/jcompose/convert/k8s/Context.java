package dev.jcompose.convert.k8s;

import dev.jcompose.convert.api.ConvertOptions;
import dev.jcompose.model.api.Project;
import dev.jcompose.model.api.Service;
import java.util.Map;

/**
 * What every part of one conversion reads: the project (and its canonical form, for the few
 * attributes the typed model does not carry), the options, where findings go, and the decisions
 * taken for all services before any is converted (object names, workload kinds).
 */
record Context(
    Project project,
    Map<String, Object> canonical,
    ConvertOptions options,
    Findings findings,
    Map<String, String> names,
    Map<String, WorkloadKind> kinds) {

  String nameOf(String service) {
    return names.get(service);
  }

  WorkloadKind kindOf(String service) {
    return kinds.get(service);
  }

  /** The canonical (docker compose config) map of a service. */
  Map<String, Object> canonical(Service s) {
    return at(canonical, "services", s.name());
  }

  /**
   * A nested canonical map ({@code deploy}, {@code deploy.resources.reservations}...), empty if
   * absent.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> m, String... path) {
    Object v = m;
    for (String p : path) {
      v = v instanceof Map<?, ?> map ? map.get(p) : null;
    }
    return v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  /** The path of a service attribute, for findings. */
  static String[] path(Service s, String... attribute) {
    return Labels.append(new String[] {"services", s.name()}, attribute);
  }
}
