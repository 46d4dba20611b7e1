package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code down}: {@code services} empty = the whole project, else only those services'
 * containers (networks then go only once no container of the project is left); {@code removeImages}
 * is {@code --rmi}: "all" (every image the services use), "local" (those without a custom name,
 * i.e. built ones named after the service) or null.
 */
public record DownOptions(
    boolean removeVolumes,
    boolean removeOrphans,
    Integer timeoutSeconds,
    String removeImages,
    List<String> services) {

  public DownOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }

  public DownOptions(
      boolean removeVolumes, boolean removeOrphans, Integer timeoutSeconds, String removeImages) {
    this(removeVolumes, removeOrphans, timeoutSeconds, removeImages, List.of());
  }

  public static DownOptions defaults() {
    return new DownOptions(false, false, null, null);
  }
}
