package dev.jcompose.convert.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** One tool's output for one compose file: the YAML text of each object and the object parsed. */
record Manifests(List<String> yaml, List<Map<String, Object>> objects) {
  static final Set<String> WORKLOADS =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "Pod", "ReplicationController");

  /** Parses YAML streams (one or several documents each, {@code kind: List} unwrapped). */
  @SuppressWarnings("unchecked")
  static Manifests parse(List<String> streams) {
    List<String> yaml = new ArrayList<>();
    List<Map<String, Object>> objects = new ArrayList<>();
    Load load = new Load(LoadSettings.builder().build());
    for (String stream : streams) {
      for (String doc : stream.split("(?m)^---\\s*$")) {
        Object o = doc.isBlank() ? null : load.loadFromString(doc);
        if (o instanceof Map<?, ?> m && "List".equals(m.get("kind"))) {
          throw new IllegalArgumentException("kind: List is not handled");
        }
        if (o instanceof Map<?, ?> m) {
          yaml.add(doc);
          objects.add((Map<String, Object>) m);
        }
      }
    }
    return new Manifests(yaml, objects);
  }

  List<Map<String, Object>> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  /** The pod spec of the workload named like the service (both tools name it so), or null. */
  Map<String, Object> podSpec(String objectName) {
    for (Map<String, Object> o : objects) {
      if (WORKLOADS.contains(o.get("kind")) && objectName.equals(at(o, "metadata").get("name"))) {
        return o.get("kind").equals("Pod") ? at(o, "spec") : at(o, "spec", "template", "spec");
      }
    }
    return null;
  }

  Map<String, Object> workload(String objectName) {
    return objects.stream()
        .filter(
            o ->
                WORKLOADS.contains(o.get("kind"))
                    && objectName.equals(at(o, "metadata").get("name")))
        .findFirst()
        .orElse(Map.of());
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> at(Map<String, Object> m, String... path) {
    Object v = m;
    for (String p : path) {
      v = v instanceof Map<?, ?> map ? map.get(p) : null;
    }
    return v instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Object v) {
    return v instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }
}
