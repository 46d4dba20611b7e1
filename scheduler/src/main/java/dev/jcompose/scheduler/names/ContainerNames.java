package dev.jcompose.scheduler.names;

import dev.jcompose.model.api.Service;

/** Resource names as docker compose makes them. */
public final class ContainerNames {
  private ContainerNames() {}

  /** {@code <project>-<service>-<n>}, or {@code container_name} when set. */
  public static String container(String project, Service s, int number) {
    if (s.containerName() != null && !s.containerName().isEmpty()) {
      return s.containerName();
    }
    return project + "-" + s.name() + "-" + number;
  }

  public static String oneoff(String project, String service, String sixHex) {
    return project + "-" + service + "-run-" + sixHex;
  }
}
