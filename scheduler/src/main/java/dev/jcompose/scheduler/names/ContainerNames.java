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

  /**
   * The image a service runs: {@code image:}, else {@code <project>-<service>} for a service that
   * is built (docker compose's GetImageNameOrDefault); null for neither.
   */
  public static String image(String project, Service s) {
    if (s.image() != null && !s.image().isEmpty()) {
      return s.image();
    }
    return s.build() == null ? null : project + "-" + s.name();
  }

  public static String oneoff(String project, String service, String sixHex) {
    return project + "-" + service + "-run-" + sixHex;
  }
}
