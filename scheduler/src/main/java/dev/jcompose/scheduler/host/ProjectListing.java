package dev.jcompose.scheduler.host;

import dev.jcompose.runtime.api.ContainerRuntime;
import dev.jcompose.runtime.api.ContainerState;
import dev.jcompose.scheduler.api.ProjectSummary;
import dev.jcompose.scheduler.names.Labels;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code ls}: the projects found by docker compose's project label on every container, with their
 * states counted in docker compose's form ({@code exited(1), running(2)}: states sorted, one-offs
 * included) and the config files of their containers. Without {@code all}, a project shows only
 * while one of its containers runs.
 */
final class ProjectListing {
  private final ContainerRuntime runtime;

  ProjectListing(ContainerRuntime runtime) {
    this.runtime = runtime;
  }

  List<ProjectSummary> list(boolean all) {
    Map<String, Map<String, Integer>> states = new TreeMap<>();
    Map<String, LinkedHashSet<String>> files = new TreeMap<>();
    for (String id : runtime.list()) {
      Optional<ContainerState> st = runtime.state(id);
      String project = st.map(s -> ProjectContainers.label(s, Labels.PROJECT)).orElse("");
      if (project.isEmpty()) {
        continue;
      }
      ContainerState s = st.get();
      String state = s.paused() ? "paused" : s.status().name().toLowerCase(Locale.ROOT);
      states.computeIfAbsent(project, p -> new TreeMap<>()).merge(state, 1, Integer::sum);
      String configFiles = ProjectContainers.label(s, Labels.CONFIG_FILES);
      if (!configFiles.isEmpty()) {
        files
            .computeIfAbsent(project, p -> new LinkedHashSet<>())
            .addAll(List.of(configFiles.split(",", -1)));
      }
    }
    List<ProjectSummary> out = new ArrayList<>();
    states.forEach(
        (project, counts) -> {
          if (all || counts.containsKey("running")) {
            List<String> parts = new ArrayList<>();
            counts.forEach((state, n) -> parts.add(state + "(" + n + ")"));
            out.add(
                new ProjectSummary(
                    project,
                    String.join(", ", parts),
                    List.copyOf(files.getOrDefault(project, new LinkedHashSet<>()))));
          }
        });
    return out;
  }
}
