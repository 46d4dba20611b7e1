package dev.jcompose.cli.command;

import dev.jcompose.common.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run -v/-l/--cap-add/--cap-drop} as a compose document merged after the project's files
 * (docker compose applies them to the service the same way): the loader parses and checks them with
 * its one set of rules, volumes merge by target, labels by key. JSON is YAML; a {@code $} is
 * doubled so a flag's value is never interpolated.
 */
final class RunOverrides {
  private RunOverrides() {}

  /** The override document, or null when no such flag was given. */
  static String document(
      String service,
      List<String> volumes,
      List<String> labels,
      List<String> capAdd,
      List<String> capDrop) {
    if (volumes.isEmpty() && labels.isEmpty() && capAdd.isEmpty() && capDrop.isEmpty()) {
      return null;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    if (!volumes.isEmpty()) {
      s.put("volumes", escaped(volumes));
    }
    if (!labels.isEmpty()) {
      s.put("labels", escaped(labels));
    }
    if (!capAdd.isEmpty()) {
      s.put("cap_add", escaped(capAdd));
    }
    if (!capDrop.isEmpty()) {
      s.put("cap_drop", escaped(capDrop));
    }
    return Json.write(Map.of("services", Map.of(service, s)));
  }

  private static List<String> escaped(List<String> values) {
    return values.stream().map(v -> v.replace("$", "$$")).toList();
  }
}
