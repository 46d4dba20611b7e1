package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.names.Labels;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's containers straight from the runtime's state, found by docker compose's labels (not
 * by name), for the verbs that need no engine. One-off ({@code run}) containers are left out.
 */
final class ProjectContainers {
  private ProjectContainers() {}

  /** Sorted by name; {@code services} empty = all. */
  static List<ContainerState> of(ContainerRuntime runtime, String project, List<String> services) {
    return runtime.list().stream()
        .map(runtime::state)
        .flatMap(Optional::stream)
        .filter(s -> project.equals(label(s, Labels.PROJECT)))
        .filter(s -> !"True".equalsIgnoreCase(label(s, Labels.ONEOFF)))
        .filter(s -> services.isEmpty() || services.contains(label(s, Labels.SERVICE)))
        .sorted(Comparator.comparing(ContainerState::id))
        .toList();
  }

  static String label(ContainerState s, String key) {
    Map<String, String> labels = s.labels() == null ? Map.of() : s.labels();
    return labels.getOrDefault(key, "");
  }

  static boolean isNumber(ContainerState s, int index) {
    return label(s, Labels.NUMBER).equals(Integer.toString(index));
  }
}
