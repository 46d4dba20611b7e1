package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code push}.
 *
 * @param services empty = every service with a build section and an image name
 * @param ignoreFailures keep going when one service's push fails, as {@code --ignore-push-failures}
 */
public record PushOptions(List<String> services, boolean ignoreFailures) {

  public PushOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
