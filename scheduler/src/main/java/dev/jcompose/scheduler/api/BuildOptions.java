package dev.jcompose.scheduler.api;

import java.util.List;
import java.util.Map;

/**
 * Flags of {@code build}.
 *
 * @param services empty = every service with a build section
 * @param noCache run every step even if cached
 * @param pull refresh base images
 * @param buildArgs {@code --build-arg} values, over the compose file's {@code args}
 */
public record BuildOptions(
    List<String> services, boolean noCache, boolean pull, Map<String, String> buildArgs) {

  public BuildOptions {
    services = services == null ? List.of() : List.copyOf(services);
    buildArgs = buildArgs == null ? Map.of() : Map.copyOf(buildArgs);
  }

  public static BuildOptions defaults() {
    return new BuildOptions(List.of(), false, false, Map.of());
  }
}
