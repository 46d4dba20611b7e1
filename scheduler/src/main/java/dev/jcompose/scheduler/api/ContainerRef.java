package dev.jcompose.scheduler.api;

/**
 * Which container a verb acts on: a service's replica ({@code index}, 1 = the first) of a project,
 * or, when {@code name} is set, the container of that name (a one-off's, any project's).
 */
public record ContainerRef(String project, String service, int index, String name) {
  public static ContainerRef of(String project, String service, int index) {
    return new ContainerRef(project, service, index <= 0 ? 1 : index, null);
  }

  public static ContainerRef named(String name) {
    return new ContainerRef(null, null, 0, name);
  }
}
