package dev.jcompose.cli.command;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a project's containers straight from the runtime's state, by docker compose's labels (not
 * by name), for the verbs that need no engine. One-off ({@code run}) containers are left out.
 */
final class ProjectContainers {
  static final String PROJECT = "com.docker.compose.project";
  static final String SERVICE = "com.docker.compose.service";
  static final String NUMBER = "com.docker.compose.container-number";
  static final String ONEOFF = "com.docker.compose.oneoff";

  private ProjectContainers() {}

  static List<ContainerState> of(ContainerRuntime runtime, String project, List<String> services) {
    return runtime.list().stream()
        .map(runtime::state)
        .flatMap(Optional::stream)
        .filter(s -> project.equals(label(s, PROJECT)))
        .filter(s -> !"True".equalsIgnoreCase(label(s, ONEOFF)))
        .filter(s -> services.isEmpty() || services.contains(label(s, SERVICE)))
        .sorted(Comparator.comparing(ContainerState::id))
        .toList();
  }

  static String label(ContainerState s, String key) {
    Map<String, String> labels = s.labels() == null ? Map.of() : s.labels();
    return labels.getOrDefault(key, "");
  }
}
