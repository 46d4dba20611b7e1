package dev.jcompose.scheduler.api;

import java.util.List;

/**
 * Flags of {@code pull}.
 *
 * @param services empty = every service with an image
 * @param ignoreFailures pull what can be pulled; failures become warnings
 * @param policy null = always pull; "missing" = skip images already present; "always"
 */
public record PullOptions(List<String> services, boolean ignoreFailures, String policy) {

  public PullOptions {
    services = services == null ? List.of() : List.copyOf(services);
  }
}
